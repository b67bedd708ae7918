import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

export const roleSchema = z.enum(Role);

export const addMemberSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase(),
  name: z.string().trim().max(100).optional(),
  role: roleSchema,
  password: z.string().min(8, "The password needs at least 8 characters.").max(200),
});

export const changeRoleSchema = z.object({ membershipId: z.string().min(1), role: roleSchema });

export const removeMemberSchema = z.object({ membershipId: z.string().min(1) });
