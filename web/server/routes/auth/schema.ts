import { z } from "zod";

export const LoginSchema = z.object({
  email: z.string({ error: "required" }).trim().min(3, "required").max(320, "too_long"),
  password: z.string({ error: "required" }).min(1, "required").max(200, "too_long"),
});

const email = z.email("email").max(320, "too_long");
export const password = z.string({ error: "required" }).min(10, "password_too_short").max(200, "too_long");

export const RegisterSchema = z.object({
  email,
  name: z.string({ error: "required" }).trim().min(2, "required").max(200, "too_long"),
  password,
  organisation: z.string().trim().max(200, "too_long").optional(),
  municipalityCode: z
    .string()
    .regex(/^[0-9]{3}$/, "municipality_code")
    .optional(),
});
export const TokenSchema = z.object({
  token: z.string({ error: "required" }).min(20, "invalid_token").max(200, "invalid_token"),
});
export const ResetRequestSchema = z.object({ email });
export const ResetConfirmSchema = TokenSchema.extend({ password });
export const AcceptInvitationSchema = TokenSchema.extend({
  name: z.string({ error: "required" }).trim().min(2, "required").max(200, "too_long"),
  password,
});
export const ChangePasswordSchema = z.object({
  currentPassword: z.string({ error: "required" }).min(1, "required").max(200),
  newPassword: password,
});
export const InvitationSchema = z.object({
  email,
  role: z.enum(["member", "expert", "moderator", "admin"]).default("member"),
});
