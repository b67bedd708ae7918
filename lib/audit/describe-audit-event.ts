import { z } from "zod";
import { roleLabels } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";
import { type AuditAction, isAuditAction } from "@/lib/audit/audit-actions";

/**
 * An audit event as a sentence for the Overview ("replaced “real-person-2” with “hero-7” in
 * Launch"), with where to look. Metadata is read leniently: old events keep working.
 */
export type AuditDescription = {
  /** Follows the actor's name: "Lee Lead replaced …", "System: review finished …". */
  text: string;
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

const quote = (s: string) => `“${s}”`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const inGroup = (g: string | null | undefined) => (g ? ` in ${quote(g)}` : "");
const role = (r: string | undefined) => (r && r in roleLabels ? roleLabels[r as Role].toLowerCase() : (r ?? "another role"));

function nameList(names: string[] | undefined, count: number | undefined, noun: string): string {
  const shown = names ?? [];
  const total = count ?? shown.length;
  if (shown.length === 0) return plural(total, noun);
  if (total === 1) return quote(shown[0]!);
  const rest = total - shown.length;
  return `${plural(total, noun)} (${shown.map(quote).join(", ")}${rest > 0 ? ` and ${rest} more` : ""})`;
}

type Meta = z.infer<typeof meta>;

/** One describer per audit action: the compiler checks that none is missing. */
const describers: Record<AuditAction, (m: Meta) => AuditDescription> = {
  "assets.submitted": (m) => ({ text: `submitted ${plural(typeof m.assets === "number" ? m.assets : (m.count ?? 0), "asset")} for review${inGroup(m.groupName)}`, tone: "default", href: "/gallery?tab=in_review" }),
  "assets.resubmitted": (m) => ({ text: `sent a submission again${m.from === "UNCERTAIN" ? " (it may be reviewed twice)" : ""}`, tone: "default", href: "/gallery?tab=in_review" }),
  "review.finished": (m) => {
    const approved = m.approved ?? 0;
    const failed = m.failed ?? 0;
    const text = `review finished${inGroup(m.group)}: ${approved} approved${failed > 0 ? `, ${failed} failed` : ""}`;
    return { text, tone: failed === 0 ? "success" : approved === 0 ? "destructive" : "warning", href: failed > 0 ? "/gallery?tab=failed" : "/gallery?tab=approved" };
  },
  "review.replaced": (m) => {
    const pairs = Array.isArray(m.assets) ? m.assets : [];
    const first = pairs[0];
    const text =
      (m.count ?? pairs.length) === 1 && first
        ? `replaced the failed ${quote(first.from)} with ${quote(first.to)}${inGroup(m.group)}`
        : `replaced ${plural(m.count ?? pairs.length, "failed asset")} with new files${inGroup(m.group)}`;
    return { text, tone: "default", href: "/review" };
  },
  "review.resubmitted": (m) => ({ text: `resubmitted ${nameList(m.names, m.count, "failed asset")} as ${m.count === 1 ? "it was" : "they were"}${inGroup(m.group)}`, tone: "default", href: "/review" }),
  "review.dismissed": (m) => ({ text: `dismissed ${nameList(m.names, m.count, "failed asset")}${m.note ? `: ${quote(m.note)}` : ""}`, tone: "default", href: "/gallery?tab=all" }),
  "submission.dropped": (m) => ({ text: `dropped an unconfirmed submission${inGroup(m.group)}`, tone: "warning" }),
  "submission.uncertain": () => ({ text: "could not confirm that the provider received a submission; it waits for someone to resend or drop it", tone: "warning", href: "/gallery?tab=in_review" }),
  "member.added": (m) => ({ text: `added ${m.email ?? "a member"} as ${role(m.role)}`, tone: "default", href: "/settings/team" }),
  "member.removed": (m) => ({ text: `removed ${m.email ?? "a member"} from the team`, tone: "default", href: "/settings/team" }),
  "member.role_changed": (m) => ({ text: `changed a member's role from ${role(m.from)} to ${role(m.to)}`, tone: "default", href: "/settings/team" }),
  "api_token.created": (m) => ({ text: `created the API token ${quote(m.name ?? "unnamed")}`, tone: "default", href: "/api-tokens" }),
  "api_token.revoked": (m) => ({ text: `revoked the API token ${quote(m.name ?? "unnamed")}`, tone: "default", href: "/api-tokens" }),
  "webhook.endpoint_added": (m) => ({ text: `added the webhook endpoint ${m.url ?? ""}`.trimEnd(), tone: "default", href: "/settings/webhooks" }),
  "webhook.endpoint_removed": (m) => ({ text: `removed the webhook endpoint ${m.url ?? ""}`.trimEnd(), tone: "default", href: "/settings/webhooks" }),
  "webhook.endpoint_disabled": (m) => ({ text: `turned off the webhook endpoint ${m.url ?? ""} after a day of failed deliveries`.replace("  ", " "), tone: "destructive", href: "/settings/webhooks" }),
  "webhook.endpoint_enabled": (m) => ({ text: `turned the webhook endpoint ${m.url ?? ""} on again`.replace("  ", " "), tone: "default", href: "/settings/webhooks" }),
  "webhook.secret_rotated": (m) => ({ text: `rotated the signing secret of the webhook endpoint ${m.url ?? ""}`.trimEnd(), tone: "default", href: "/settings/webhooks" }),
  "webhook.redelivered": () => ({ text: "sent a webhook delivery again", tone: "default", href: "/settings/webhooks" }),
  "settings.provider_saved": () => ({ text: "changed the provider settings", tone: "default", href: "/settings" }),
  "settings.generation_saved": () => ({ text: "changed the video generation defaults", tone: "default", href: "/settings" }),
  "budget.team_saved": (m) => ({
    text: `set the team's monthly budget to ${m.limit == null ? "no limit" : m.limit} and at most ${m.maxRunningJobs ?? "the server's number of"} video jobs at once`,
    tone: "default",
    href: "/settings#budgets",
  }),
  "budget.member_saved": (m) => ({ text: `set ${m.email ?? "a member"}'s monthly budget to ${m.limit == null ? "no limit" : m.limit}`, tone: "default", href: "/settings#budgets" }),
  "video_job.created": (m) => ({ text: `started a video${m.model ? ` with ${m.model}` : ""}`, tone: "default", href: "/jobs" }),
  "video_job.sent": () => ({ text: "sent a video job to the provider", tone: "default", href: "/jobs" }),
  "video_job.send_failed": (m) => ({ text: `could not send a video job to the provider${m.code ? ` (${m.code})` : ""}`, tone: "destructive", href: "/jobs" }),
  "video_job.resent": () => ({ text: "sent a video job again", tone: "default", href: "/jobs" }),
  "video_job.uncertain": () => ({ text: "the provider's answer to a video job was lost; it is asked again under the same request key", tone: "warning", href: "/jobs" }),
  "video_job.resent_uncertain": () => ({ text: "resent a video job whose answer was lost, knowing the provider may already have started it", tone: "warning", href: "/jobs" }),
  "video_job.resumed": () => ({ text: "asked the provider again about a video job instead of paying for a new one", tone: "default", href: "/jobs" }),
  "video_job.retried": () => ({ text: "retried a video job", tone: "default", href: "/jobs" }),
  "video_job.succeeded": () => ({ text: "a video finished and was saved", tone: "success", href: "/jobs" }),
  "video_job.failed": () => ({ text: "a video failed", tone: "destructive", href: "/jobs" }),
  "video_job.cancelled": () => ({ text: "a video was cancelled", tone: "warning", href: "/jobs" }),
};

/** An event as read from the database: an action this version does not know reads as its own words. */
export function describeAuditEvent(event: { action: string; metadata: unknown }): AuditDescription {
  const m = meta.parse(event.metadata ?? {});
  if (isAuditAction(event.action)) return describers[event.action](m);
  return { text: event.action.replace(/[._]/g, " "), tone: "default" };
}
