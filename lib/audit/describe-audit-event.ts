import { z } from "zod";
import { roleLabels } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

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

export function describeAuditEvent(event: { action: string; metadata: unknown }): AuditDescription {
  const m = meta.parse(event.metadata ?? {});
  switch (event.action) {
    case "assets.submitted":
      return { text: `submitted ${plural(typeof m.assets === "number" ? m.assets : (m.count ?? 0), "asset")} for review${inGroup(m.groupName)}`, tone: "default", href: "/gallery?tab=in_review" };
    case "assets.resubmitted":
      return { text: `sent a submission again${m.from === "UNCERTAIN" ? " (it may be reviewed twice)" : ""}`, tone: "default", href: "/gallery?tab=in_review" };
    case "review.finished": {
      const approved = m.approved ?? 0;
      const failed = m.failed ?? 0;
      const text = `review finished${inGroup(m.group)}: ${approved} approved${failed > 0 ? `, ${failed} failed` : ""}`;
      return { text, tone: failed === 0 ? "success" : approved === 0 ? "destructive" : "warning", href: failed > 0 ? "/gallery?tab=failed" : "/gallery?tab=approved" };
    }
    case "review.replaced": {
      const pairs = Array.isArray(m.assets) ? m.assets : [];
      const first = pairs[0];
      const text =
        (m.count ?? pairs.length) === 1 && first
          ? `replaced the failed ${quote(first.from)} with ${quote(first.to)}${inGroup(m.group)}`
          : `replaced ${plural(m.count ?? pairs.length, "failed asset")} with new files${inGroup(m.group)}`;
      return { text, tone: "default", href: "/review" };
    }
    case "review.resubmitted":
      return { text: `resubmitted ${nameList(m.names, m.count, "failed asset")} as ${m.count === 1 ? "it was" : "they were"}${inGroup(m.group)}`, tone: "default", href: "/review" };
    case "review.dismissed":
      return { text: `dismissed ${nameList(m.names, m.count, "failed asset")}${m.note ? `: ${quote(m.note)}` : ""}`, tone: "default", href: "/gallery?tab=all" };
    case "submission.dropped":
      return { text: `dropped an unconfirmed submission${inGroup(m.group)}`, tone: "warning" };
    case "submission.uncertain":
      return { text: "could not confirm that the provider received a submission; it waits for someone to resend or drop it", tone: "warning", href: "/gallery?tab=in_review" };
    case "member.added":
      return { text: `added ${m.email ?? "a member"} as ${role(m.role)}`, tone: "default", href: "/settings/team" };
    case "member.removed":
      return { text: `removed ${m.email ?? "a member"} from the team`, tone: "default", href: "/settings/team" };
    case "member.role_changed":
      return { text: `changed a member's role from ${role(m.from)} to ${role(m.to)}`, tone: "default", href: "/settings/team" };
    case "settings.provider_saved":
      return { text: "changed the provider settings", tone: "default", href: "/settings" };
    case "settings.generation_saved":
      return { text: "changed the video generation defaults", tone: "default", href: "/settings" };
    case "video_job.created":
      return { text: `started a video${m.model ? ` with ${m.model}` : ""}`, tone: "default", href: "/jobs" };
    case "video_job.succeeded":
      return { text: "a video finished and was saved", tone: "success", href: "/jobs" };
    case "video_job.failed":
      return { text: "a video failed", tone: "destructive", href: "/jobs" };
    case "video_job.cancelled":
      return { text: "a video was cancelled", tone: "warning", href: "/jobs" };
    default:
      return { text: event.action.replace(/[._]/g, " "), tone: "default" };
  }
}
