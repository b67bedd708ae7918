import { z } from "zod";
import { type AuditAction, isAuditAction } from "@/lib/audit/audit-actions";
import type { MessageValues } from "@/lib/errors";
import { messageKey } from "@/lib/i18n/message-key";
import { type Sentence, sentence } from "@/lib/i18n/sentence";

/**
 * An audit event as a sentence for the Overview ("replaced “real-person-2” with “hero-7” in
 * Launch"), with where to look. Metadata is read leniently: old events keep working.
 */
export type AuditDescription = {
  /**
   * An `auditEvents` sentence that follows the actor's name: "Lee Lead replaced …", "System:
   * review finished …"; put into words where it is shown (`useSentence`, `sentencesIn`).
   */
  text: Sentence;
  tone: "default" | "success" | "warning" | "destructive";
  href?: string;
};

const meta = z
  .looseObject({
    count: z.number().optional().catch(undefined),
    names: z.array(z.string()).optional().catch(undefined),
    assets: z.union([z.number(), z.array(z.looseObject({ from: z.string(), to: z.string() }))]).optional().catch(undefined),
    group: z.string().nullish().catch(undefined),
    groupName: z.string().optional().catch(undefined),
    note: z.string().optional().catch(undefined),
    state: z.string().optional().catch(undefined),
    approved: z.number().optional().catch(undefined),
    failed: z.number().optional().catch(undefined),
    email: z.string().optional().catch(undefined),
    role: z.string().optional().catch(undefined),
    from: z.string().optional().catch(undefined),
    to: z.string().optional().catch(undefined),
    model: z.string().optional().catch(undefined),
    code: z.string().optional().catch(undefined),
    name: z.string().optional().catch(undefined),
    url: z.string().optional().catch(undefined),
    limit: z.number().nullable().optional().catch(undefined),
    maxRunningJobs: z.number().nullable().optional().catch(undefined),
  })
  .catch({});

const yesNo = (value: unknown) => (value ? "yes" : "no");
const inGroup = (g: string | null | undefined) => ({ hasGroup: yesNo(g), group: g ?? "" });
const quote = (s: string) => `“${s}”`;
const role = (r: string | undefined) => r ?? "none";
const email = (e: string | undefined) => ({ hasEmail: yesNo(e), email: e ?? "" });
const named = (n: string | undefined) => ({ hasName: yesNo(n), name: n ?? "" });
const url = (u: string | undefined) => ({ hasUrl: yesNo(u), url: u ?? "" });

/** The values of a list of names in a sentence: one name, a count with the first few, or a count. */
function nameList(names: string[] | undefined, count: number | undefined): MessageValues {
  const shown = names ?? [];
  const total = count ?? shown.length;
  const mode = shown.length === 0 ? "count" : total === 1 ? "one" : "list";
  return { mode, total, first: shown[0] ?? "", list: shown.map(quote).join(", "), rest: Math.max(0, total - shown.length) };
}

type Meta = z.infer<typeof meta>;

/** One describer per audit action: the compiler checks that none is missing. */
const describers: Record<AuditAction, (m: Meta) => AuditDescription> = {
  "assets.submitted": (m) => ({
    text: sentence(messageKey("auditEvents.assets.submitted"), { count: typeof m.assets === "number" ? m.assets : (m.count ?? 0), ...inGroup(m.groupName) }),
    tone: "default",
    href: "/gallery?tab=in_review",
  }),
  "assets.resubmitted": (m) => ({ text: sentence(messageKey("auditEvents.assets.resubmitted"), { mayTwice: yesNo(m.from === "UNCERTAIN") }), tone: "default", href: "/gallery?tab=in_review" }),
  "review.finished": (m) => {
    const approved = m.approved ?? 0;
    const failed = m.failed ?? 0;
    const text = sentence(messageKey("auditEvents.review.finished"), { approved, failed, ...inGroup(m.group) });
    return { text, tone: failed === 0 ? "success" : approved === 0 ? "destructive" : "warning", href: failed > 0 ? "/gallery?tab=failed" : "/gallery?tab=approved" };
  },
  "review.replaced": (m) => {
    const pairs = Array.isArray(m.assets) ? m.assets : [];
    const first = pairs[0];
    const text =
      (m.count ?? pairs.length) === 1 && first
        ? sentence(messageKey("auditEvents.review.replacedOne"), { from: first.from, to: first.to, ...inGroup(m.group) })
        : sentence(messageKey("auditEvents.review.replacedMany"), { count: m.count ?? pairs.length, ...inGroup(m.group) });
    return { text, tone: "default", href: "/review" };
  },
  "review.resubmitted": (m) => ({
    text: sentence(messageKey("auditEvents.review.resubmitted"), { ...nameList(m.names, m.count), itWas: yesNo(m.count === 1), ...inGroup(m.group) }),
    tone: "default",
    href: "/review",
  }),
  "review.dismissed": (m) => ({
    text: sentence(messageKey("auditEvents.review.dismissed"), { ...nameList(m.names, m.count), hasNote: yesNo(m.note), note: m.note ?? "" }),
    tone: "default",
    href: "/gallery?tab=all",
  }),
  "submission.dropped": (m) => ({ text: sentence(messageKey("auditEvents.submission.dropped"), inGroup(m.group)), tone: "warning" }),
  "submission.uncertain": () => ({ text: sentence(messageKey("auditEvents.submission.uncertain")), tone: "warning", href: "/gallery?tab=in_review" }),
  "member.added": (m) => ({ text: sentence(messageKey("auditEvents.member.added"), { ...email(m.email), role: role(m.role) }), tone: "default", href: "/settings/team" }),
  "member.removed": (m) => ({ text: sentence(messageKey("auditEvents.member.removed"), email(m.email)), tone: "default", href: "/settings/team" }),
  "member.role_changed": (m) => ({ text: sentence(messageKey("auditEvents.member.role_changed"), { from: role(m.from), to: role(m.to) }), tone: "default", href: "/settings/team" }),
  "api_token.created": (m) => ({ text: sentence(messageKey("auditEvents.api_token.created"), named(m.name)), tone: "default", href: "/api-tokens" }),
  "api_token.revoked": (m) => ({ text: sentence(messageKey("auditEvents.api_token.revoked"), named(m.name)), tone: "default", href: "/api-tokens" }),
  "webhook.endpoint_added": (m) => ({ text: sentence(messageKey("auditEvents.webhook.endpoint_added"), url(m.url)), tone: "default", href: "/settings/webhooks" }),
  "webhook.endpoint_removed": (m) => ({ text: sentence(messageKey("auditEvents.webhook.endpoint_removed"), url(m.url)), tone: "default", href: "/settings/webhooks" }),
  "webhook.endpoint_disabled": (m) => ({ text: sentence(messageKey("auditEvents.webhook.endpoint_disabled"), url(m.url)), tone: "destructive", href: "/settings/webhooks" }),
  "webhook.endpoint_enabled": (m) => ({ text: sentence(messageKey("auditEvents.webhook.endpoint_enabled"), url(m.url)), tone: "default", href: "/settings/webhooks" }),
  "webhook.secret_rotated": (m) => ({ text: sentence(messageKey("auditEvents.webhook.secret_rotated"), url(m.url)), tone: "default", href: "/settings/webhooks" }),
  "webhook.redelivered": () => ({ text: sentence(messageKey("auditEvents.webhook.redelivered")), tone: "default", href: "/settings/webhooks" }),
  "settings.provider_saved": () => ({ text: sentence(messageKey("auditEvents.settings.provider_saved")), tone: "default", href: "/settings" }),
  "settings.generation_saved": () => ({ text: sentence(messageKey("auditEvents.settings.generation_saved")), tone: "default", href: "/settings" }),
  "budget.team_saved": (m) => ({
    text: sentence(messageKey("auditEvents.budget.team_saved"), {
      hasLimit: yesNo(m.limit != null),
      limit: m.limit ?? 0,
      hasMax: yesNo(m.maxRunningJobs != null),
      max: m.maxRunningJobs ?? 0,
    }),
    tone: "default",
    href: "/settings#budgets",
  }),
  "budget.member_saved": (m) => ({
    text: sentence(messageKey("auditEvents.budget.member_saved"), { ...email(m.email), hasLimit: yesNo(m.limit != null), limit: m.limit ?? 0 }),
    tone: "default",
    href: "/settings#budgets",
  }),
  "video_job.created": (m) => ({ text: sentence(messageKey("auditEvents.video_job.created"), { hasModel: yesNo(m.model), model: m.model ?? "" }), tone: "default", href: "/jobs" }),
  "video_job.sent": () => ({ text: sentence(messageKey("auditEvents.video_job.sent")), tone: "default", href: "/jobs" }),
  "video_job.send_failed": (m) => ({ text: sentence(messageKey("auditEvents.video_job.send_failed"), { hasCode: yesNo(m.code), code: m.code ?? "" }), tone: "destructive", href: "/jobs" }),
  "video_job.resent": () => ({ text: sentence(messageKey("auditEvents.video_job.resent")), tone: "default", href: "/jobs" }),
  "video_job.uncertain": () => ({ text: sentence(messageKey("auditEvents.video_job.uncertain")), tone: "warning", href: "/jobs" }),
  "video_job.resent_uncertain": () => ({ text: sentence(messageKey("auditEvents.video_job.resent_uncertain")), tone: "warning", href: "/jobs" }),
  "video_job.resumed": () => ({ text: sentence(messageKey("auditEvents.video_job.resumed")), tone: "default", href: "/jobs" }),
  "video_job.retried": () => ({ text: sentence(messageKey("auditEvents.video_job.retried")), tone: "default", href: "/jobs" }),
  "video_job.succeeded": () => ({ text: sentence(messageKey("auditEvents.video_job.succeeded")), tone: "success", href: "/jobs" }),
  "video_job.failed": () => ({ text: sentence(messageKey("auditEvents.video_job.failed")), tone: "destructive", href: "/jobs" }),
  "video_job.cancelled": () => ({ text: sentence(messageKey("auditEvents.video_job.cancelled")), tone: "warning", href: "/jobs" }),
};

/** An event as read from the database: an action this version does not know reads as its own words. */
export function describeAuditEvent(event: { action: string; metadata: unknown }): AuditDescription {
  const m = meta.parse(event.metadata ?? {});
  if (isAuditAction(event.action)) return describers[event.action](m);
  // Not in the catalogue: shown as these words.
  return { text: sentence(event.action.replace(/[._]/g, " ")), tone: "default" };
}
