import { assertCan } from "@/lib/auth/session";
import { withUser } from "@/lib/http/with-user";
import { requestLocale } from "@/lib/i18n/error-message";
import { messageKey } from "@/lib/i18n/message-key";
import { sentencesIn } from "@/lib/i18n/sentence-in";
import { parseAuditFilters } from "@/lib/insight/audit-filters";
import { csvRow } from "@/lib/insight/csv";
import { isoInZone } from "@/lib/insight/iso-in-zone";
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
  const word = await sentencesIn(await requestLocale(), "auditEvents");
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const headers = [
        word({ key: messageKey("auditEvents.csv.time"), values: { zone: timeZone } }),
        ...[
          messageKey("auditEvents.csv.who"),
          messageKey("auditEvents.csv.actorId"),
          messageKey("auditEvents.csv.action"),
          messageKey("auditEvents.csv.whatHappened"),
          messageKey("auditEvents.csv.targetType"),
          messageKey("auditEvents.csv.targetId"),
          messageKey("auditEvents.csv.details"),
        ].map((key) => word({ key })),
      ];
      controller.enqueue(encoder.encode(csvRow(headers)));
    },
    async pull(controller) {
      for (const e of page.events) {
        // Local time in the reader's zone, with its offset: readable, and still one exact instant.
        controller.enqueue(encoder.encode(csvRow([isoInZone(e.createdAt, timeZone), e.actorName ?? "Avatar Studio", e.actorId, e.action, e.text, e.targetType, e.targetId, e.metadata])));
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
