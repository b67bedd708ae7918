import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

export const roleSchema = z.enum(Role);
