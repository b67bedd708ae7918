import { z } from "zod";
import { roleSchema } from "@/lib/team/role-schema";

export const addMemberSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase(),
  name: z.string().trim().max(100).optional(),
  role: roleSchema,
  password: z.string().min(8, "The password needs at least 8 characters.").max(200),
});
