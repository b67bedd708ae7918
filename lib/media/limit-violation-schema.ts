import { z } from "zod";
import { limitViolationCodes } from "@/lib/media/limit-violation";

/** A limit violation in the answers of the upload routes and the API. */
export const limitViolationSchema = z.object({
  code: z.enum(limitViolationCodes),
  /** the English sentence, for logs and API clients */
  message: z.string(),
  /** the same sentence as a whole catalogue key ("limits.fileTooLarge") and its placeholders' values, for people */
  key: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
