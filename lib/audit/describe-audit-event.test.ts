import { beforeAll, describe, expect, it } from "vitest";
import { auditActions } from "@/lib/audit/audit-actions";
import { describeAuditEvent as describe_ } from "@/lib/audit/describe-audit-event";
import type { Sentence } from "@/lib/i18n/sentence";
import { sentencesIn } from "@/lib/i18n/sentence-in";

let english: (s: Sentence) => string;
let chinese: (s: Sentence) => string;
beforeAll(async () => {
  [english, chinese] = await Promise.all([sentencesIn("en"), sentencesIn("zh")]);
});

/** The description with its sentence in English words. */
function describeAuditEvent(event: Parameters<typeof describe_>[0]) {
  const d = describe_(event);
  return { ...d, text: english(d.text) };
}

describe("describeAuditEvent", () => {
  it("tells how a review finished", () => {
    expect(describeAuditEvent({ action: "review.finished", metadata: { state: "PARTIAL", approved: 18, failed: 2, group: "Launch" } })).toEqual({
      text: "review finished in “Launch”: 18 approved, 2 failed",
      tone: "warning",
      href: "/gallery?tab=failed",
    });
    expect(describeAuditEvent({ action: "review.finished", metadata: { approved: 3, failed: 0 } })).toMatchObject({ text: "review finished: 3 approved", tone: "success" });
  });

  it("names what was replaced, resubmitted and dismissed", () => {
    expect(describeAuditEvent({ action: "review.replaced", metadata: { count: 1, assets: [{ from: "real-person-1", to: "hero-1" }], group: "G" } }).text).toBe(
      "replaced the failed “real-person-1” with “hero-1” in “G”",
    );
    expect(describeAuditEvent({ action: "review.replaced", metadata: { count: 3, assets: [{ from: "a", to: "b" }] } }).text).toBe(
      "replaced 3 failed assets with new files",
    );
    expect(describeAuditEvent({ action: "review.resubmitted", metadata: { count: 1, names: ["a"] } }).text).toBe("resubmitted “a” as it was");
    expect(describeAuditEvent({ action: "review.resubmitted", metadata: { count: 7, names: ["a", "b"] } }).text).toBe(
      "resubmitted 7 failed assets (“a”, “b” and 5 more) as they were",
    );
    expect(describeAuditEvent({ action: "review.dismissed", metadata: { count: 1, names: ["x"], note: "not needed" } }).text).toBe(
      "dismissed “x”: “not needed”",
    );
  });

  it("reads other parts of the product", () => {
    expect(describeAuditEvent({ action: "assets.submitted", metadata: { groupName: "Launch", assets: 6 } }).text).toBe("submitted 6 assets for review in “Launch”");
    expect(describeAuditEvent({ action: "member.role_changed", metadata: { from: "CREATOR", to: "LEAD" } }).text).toBe(
      "changed a member's role from creator to team lead",
    );
  });

  it("never fails on unknown actions or odd metadata", () => {
    expect(describeAuditEvent({ action: "something_new.happened", metadata: null })).toEqual({ text: "something new happened", tone: "default" });
    expect(describeAuditEvent({ action: "review.dismissed", metadata: { count: "many", names: 5 } }).text).toBe("dismissed 0 failed assets");
    expect(describeAuditEvent({ action: "review.finished", metadata: "oops" }).text).toBe("review finished: 0 approved");
  });

  it("describes the API's token and webhook events with their names and URLs", () => {
    expect(describeAuditEvent({ action: "api_token.created", metadata: { name: "Render farm", scopes: ["read"] } })).toMatchObject({ text: "created the API token “Render farm”", href: "/api-tokens" });
    expect(describeAuditEvent({ action: "api_token.revoked", metadata: { name: "Render farm" } }).text).toBe("revoked the API token “Render farm”");
    expect(describeAuditEvent({ action: "webhook.endpoint_added", metadata: { url: "https://hooks.example.com/a" } })).toMatchObject({ text: "added the webhook endpoint https://hooks.example.com/a", href: "/settings/webhooks" });
    expect(describeAuditEvent({ action: "webhook.endpoint_enabled", metadata: { url: "https://hooks.example.com/a" } }).text).toBe("turned the webhook endpoint https://hooks.example.com/a on again");
    expect(describeAuditEvent({ action: "webhook.endpoint_enabled", metadata: {} }).text).toBe("turned the webhook endpoint on again");
    expect(describeAuditEvent({ action: "webhook.secret_rotated", metadata: { url: "https://hooks.example.com/a" } }).text).toBe("rotated the signing secret of the webhook endpoint https://hooks.example.com/a");
    expect(describeAuditEvent({ action: "webhook.endpoint_disabled", metadata: { url: "https://hooks.example.com/a" } })).toMatchObject({ tone: "destructive" });
  });

  it("says the same in Chinese", () => {
    expect(chinese(describe_({ action: "review.finished", metadata: { approved: 18, failed: 2, group: "Launch" } }).text)).toBe("审核完成（“Launch”）：18 个通过，2 个未通过");
    expect(chinese(describe_({ action: "member.role_changed", metadata: { from: "CREATOR", to: "LEAD" } }).text)).toBe("将一名成员的角色从创作者改为团队负责人");
    for (const action of auditActions) {
      const text = describe_({ action, metadata: {} }).text;
      expect(chinese(text), action).not.toBe(english(text));
    }
  });

  it("describes every action the app writes in its own words", () => {
    for (const action of auditActions) {
      const { text } = describeAuditEvent({ action, metadata: {} });
      expect(text, action).not.toBe(action.replace(/[._]/g, " "));
    }
  });
});
