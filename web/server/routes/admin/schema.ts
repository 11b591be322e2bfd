import { z } from "zod";

export const ListQuery = z.object({
  status: z.enum(["pending", "active", "unverified", "disabled"]).default("pending"),
});

export const OrgUnitSchema = z.object({
  unitId: z.string().trim().min(1, "unitId").max(64, "unitId").nullable(),
});
