import { requireUser } from "@/lib/auth/session";
import { listSubmissions } from "@/lib/submissions/list-submissions";
import { noStore, routeErrorResponse } from "@/lib/http/route-error-response";

export const dynamic = "force-dynamic";

/** `GET /api/submissions` → the team's recent submits and their provider requests (Postgres only; polled). */
export async function GET(): Promise<Response> {
  try {
    const user = await requireUser();
    return Response.json(await listSubmissions(user.teamId), { headers: noStore });
  } catch (error) {
    return routeErrorResponse(error, "listing submissions");
  }
}
