import { can } from "@/lib/auth/roles";
import { getVideoJob } from "@/lib/generation/get-video-job";
import { noStore, withUser } from "@/lib/http/with-user";
import { getStorage } from "@/lib/storage/get-storage";

export const dynamic = "force-dynamic";

/** `GET /api/video-jobs/<id>` → `{ job }`, polled by the job page until the job is finished. Postgres only. */
export const GET = withUser<{ id: string }>("reading a video job", async ({ params, user }) => {
  const job = await getVideoJob(user.teamId, params.id, { storage: getStorage(), includeRaw: can(user.role, "viewRawPayload") });
  return Response.json({ job }, { headers: noStore });
});
