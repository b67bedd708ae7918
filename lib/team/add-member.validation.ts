import { z } from "zod";
import { roleSchema } from "@/lib/team/role-schema";
import { messageKey } from "@/lib/i18n/message-key";

export const addMemberSchema = z.object({
  email: z.email(messageKey("validation.emailInvalid")).trim().toLowerCase(),
  name: z.string().trim().max(100).optional(),
  role: roleSchema,
  password: z.string().min(8, messageKey("validation.passwordTooShort")).max(200),
});
