import { apiRoute } from "@/lib/api-v1/api-route";
import { parseApiQuery, videoDownloadQuerySchema } from "@/lib/api-v1/api-schemas";
import { videoJobFileResponse } from "@/lib/api-v1/api-video-jobs";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** `GET /api/v1/video-jobs/{jobId}/video[?file=last-frame]` → the stored video (or last frame) as an attachment (scope `read`). */
export const GET = apiRoute<{ jobId: string }>({ what: "downloading a video", scope: "read" }, async ({ request, params, caller }) =>
  videoJobFileResponse(caller.user.teamId, params.jobId, parseApiQuery(request, videoDownloadQuerySchema).file),
);
