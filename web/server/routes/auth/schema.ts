import { z } from "zod";

export const LoginSchema = z.object({
  email: z.string({ error: "required" }).trim().min(3, "required").max(320, "too_long"),
  password: z.string({ error: "required" }).min(1, "required").max(200, "too_long"),
});
