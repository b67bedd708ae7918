import type { z } from "zod";
import type { replaceAssetSchema } from "@/lib/assets/replace-asset.validation";
import { resubmitAndSend } from "@/lib/assets/resubmit-assets";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * A failed asset's file replaced: a new asset with the new upload goes into the same group and
 * is sent. When the new file is already approved in the group, nothing is sent and the answer
 * names the approved asset (`alreadyApproved`), unless `sendApprovedAgain`.
 */
export async function replaceAsset(input: z.output<typeof replaceAssetSchema>, user: { id: string; teamId: string; role: Role }) {
  const result = await resubmitAndSend(user, [{ assetId: input.assetId, uploadId: input.uploadId }], { sendApprovedAgain: input.sendApprovedAgain });
  return { newAssetId: result.replacements[input.assetId] ?? null, alreadyApproved: result.alreadyApproved[0] ?? null };
}
