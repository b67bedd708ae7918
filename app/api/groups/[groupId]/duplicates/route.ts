import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { findApprovedDuplicates } from "@/lib/assets/find-approved-duplicates";
import { noStore, routeErrorResponse } from "@/lib/http/route-error-response";

export const dynamic = "force-dynamic";

const MAX_IDS = 500;

/**
 * `GET /api/groups/<groupId>/duplicates?uploadIds=a,b,c` → `{ duplicates: [{ uploadId, assetId,
 * name, assetUrl, … }] }`: which of these uploads are already approved in the group.
 */
export async function GET(request: Request, { params }: { params: Promise<{ groupId: string }> }): Promise<Response> {
  try {
    const user = await requireUser();
    const { groupId } = await params;
    const raw = new URL(request.url).searchParams.get("uploadIds") ?? "";
    const uploadIds = [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))];
    if (uploadIds.length > MAX_IDS) throw new AppError("INVALID_INPUT", `Ask about at most ${MAX_IDS} uploads at once.`);
    return Response.json({ duplicates: await findApprovedDuplicates(user.teamId, groupId, uploadIds) }, { headers: noStore });
  } catch (error) {
    return routeErrorResponse(error, "finding duplicates");
  }
}
