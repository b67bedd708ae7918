import { z } from "zod";

export const revokeApiTokenSchema = z.object({ tokenId: z.string().trim().min(1).max(64) });
