import { z } from "zod";
import { roleSchema } from "@/lib/team/role-schema";

export const changeRoleSchema = z.object({ membershipId: z.string().min(1), role: roleSchema });
