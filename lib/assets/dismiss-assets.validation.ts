import { z } from "zod";

export const dismissAssetsSchema = z.object({
  assetIds: z.array(z.string().trim().min(1)).min(1, "Choose at least one asset.").max(500, "Dismiss at most 500 assets at once."),
  note: z.string().trim().min(1, "Say why these are dismissed.").max(1000, "Keep the note under 1000 characters."),
});
export type DismissAssetsInput = z.input<typeof dismissAssetsSchema>;
