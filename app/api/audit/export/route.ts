import { assertCan } from "@/lib/auth/session";
import { withUser } from "@/lib/http/with-user";
import { parseAuditFilters } from "@/lib/insight/audit-filters";
import { csvRow } from "@/lib/insight/csv";
import { listAuditEvents } from "@/lib/insight/list-audit-events";
import { readTimeZone } from "@/lib/insight/read-time-zone";

const PAGE = 500;

/**
 * The Audit page's filtered list as CSV, streamed page by page (keyset), for leads and admins of
 * the team. Same filters and scope as the page; cells are safe to open in a spreadsheet.
 */
export const GET = withUser("exporting audit events", async ({ request, user }) => {
  assertCan(user, "viewAudit");
  const params = new URL(request.url).searchParams;
  const filters = parseAuditFilters(params);
  const timeZone = await readTimeZone(params.get("tz"));
  // The first page is read before answering, so that a failure is still an error answer.
  let page = await listAuditEvents(user.teamId, filters, { timeZone, limit: PAGE });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(["time (UTC)", "who", "actor id", "action", "what happened", "target type", "target id", "details"])));
    },
    async pull(controller) {
      for (const e of page.events) {
        controller.enqueue(encoder.encode(csvRow([e.createdAt, e.actorName ?? "Avatar Studio", e.actorId, e.action, e.text, e.targetType, e.targetId, e.metadata])));
      }
      if (!page.next) {
        controller.close();
        return;
      }
      page = await listAuditEvents(user.teamId, filters, { timeZone, limit: PAGE, cursor: page.next });
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
