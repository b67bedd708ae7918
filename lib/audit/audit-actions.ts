/**
 * Every audit action the app writes. Adding one here makes `describeAuditEvent` fail to
 * compile until it says how to describe it.
 */
export const auditActions = [
  "assets.submitted",
  "assets.resubmitted",
  "review.finished",
  "review.replaced",
  "review.resubmitted",
  "review.dismissed",
  "submission.dropped",
  "submission.uncertain",
  "member.added",
  "member.removed",
  "member.role_changed",
  "settings.provider_saved",
  "settings.generation_saved",
  "budget.team_saved",
  "budget.member_saved",
  "video_job.created",
  "video_job.sent",
  "video_job.send_failed",
  "video_job.resent",
  "video_job.uncertain",
  "video_job.resent_uncertain",
  "video_job.resumed",
  "video_job.retried",
  "video_job.succeeded",
  "video_job.failed",
  "video_job.cancelled",
  "api_token.created",
  "api_token.revoked",
  "webhook.endpoint_added",
  "webhook.endpoint_removed",
  "webhook.endpoint_disabled",
  "webhook.endpoint_enabled",
  "webhook.secret_rotated",
  "webhook.redelivered",
] as const;

export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(action: string): action is AuditAction {
  return (auditActions as readonly string[]).includes(action);
}
