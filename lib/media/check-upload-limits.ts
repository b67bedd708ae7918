import type { Upload } from "@/lib/generated/prisma/client";
import { checkLimits } from "@/lib/media/check-limits";
import type { LimitViolation } from "@/lib/media/limit-violation";
import { formatForMime } from "@/lib/media/media-format";

/** The documented limits a stored upload breaks, judged on its complete probed facts. */
export function checkUploadLimits(upload: Pick<Upload, "type" | "mimeType" | "sizeBytes" | "width" | "height" | "durationMs" | "fps">): LimitViolation[] {
  return checkLimits(
    {
      type: upload.type,
      format: formatForMime(upload.mimeType),
      sizeBytes: upload.sizeBytes,
      width: upload.width,
      height: upload.height,
      durationMs: upload.durationMs,
      fps: upload.fps,
    },
    { complete: true },
  );
}
