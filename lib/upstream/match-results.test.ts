import { describe, expect, it } from "vitest";
import * as review from "@/lib/upstream/fixtures/review-tasks";
import { MISSING_FROM_RESULT, matchReviewResults, reviewMatchSchema } from "@/lib/upstream/match-results";
import { parseTask } from "@/lib/upstream/parse-task";

function match(names: string[], body: { data: unknown }) {
  const result = matchReviewResults(names, parseTask(body.data, { kind: "review" }));
  expect(reviewMatchSchema.safeParse(result).success).toBe(true);
  return result;
}

describe("matchReviewResults", () => {
  it("approves everything when all passed", () => {
    const m = match(["avatar-a", "avatar-b"], review.reviewAllApproved);
    expect(m.settled).toBe(true);
    expect(m.wholeTaskFailed).toBe(false);
    expect(m.outcomes).toEqual([
      { state: "approved", name: "avatar-a", assetId: "asset-20260415111540-abcde", assetUrl: "asset://asset-20260415111540-abcde" },
      { state: "approved", name: "avatar-b", assetId: "asset-20260415111541-fghij", assetUrl: "asset://asset-20260415111541-fghij" },
    ]);
    expect(m.unexpected).toEqual([]);
  });

  it("keeps approved assets usable in a partial failure", () => {
    const m = match(["avatar-a", "avatar-b"], review.reviewPartialFailure);
    expect(m.settled).toBe(true);
    expect(m.wholeTaskFailed).toBe(false);
    expect(m.outcomes[0]).toMatchObject({ state: "approved", name: "avatar-a" });
    expect(m.outcomes[1]).toEqual({
      state: "rejected",
      name: "avatar-b",
      assetId: "asset-20260415111541-fghij",
      code: "InputImageSensitiveContentDetected.PrivacyInformation",
      reason: "InputImageSensitiveContentDetected.PrivacyInformation: the image may contain a real person",
    });
  });

  it("matches by name, never by position, and reports names that were not submitted", () => {
    const m = match(["avatar-a", "avatar-b", "avatar-c"], review.reviewReordered);
    expect(m.outcomes).toEqual([
      { state: "approved", name: "avatar-a", assetId: "asset-a", assetUrl: "asset://asset-a" },
      { state: "rejected", name: "avatar-b", assetId: "asset-b", code: "InvalidParameter.DownloadFailed", reason: "InvalidParameter.DownloadFailed" },
      { state: "approved", name: "avatar-c", assetId: "asset-c", assetUrl: "asset://asset-c" },
    ]);
    expect(m.unexpected).toEqual([
      { state: "rejected", name: "not-submitted", assetId: "asset-x", code: undefined, reason: "the file is out of limits" },
    ]);
  });

  it("leaves assets still in review pending while the task runs", () => {
    const m = match(["avatar-a", "avatar-b", "avatar-c", "avatar-d"], review.reviewFullAssetList);
    expect(m.settled).toBe(false);
    expect(m.outcomes.map((o) => o.state)).toEqual(["approved", "rejected", "pending", "pending"]);
    expect(m.outcomes[2]).toEqual({ state: "pending", name: "avatar-c", assetId: "asset-c" });
  });

  it("pending for everything while nothing is reported", () => {
    const m = match(["a", "b"], review.reviewProcessing);
    expect(m.outcomes).toEqual([
      { state: "pending", name: "a", assetId: undefined },
      { state: "pending", name: "b", assetId: undefined },
    ]);
    expect(m.settled).toBe(false);
  });

  it("uses result.asset_url for a single-asset task without lists", () => {
    const m = match(["avatar"], review.reviewSingleShorthand);
    expect(m.outcomes).toEqual([
      { state: "approved", name: "avatar", assetId: "asset-20260415111540-single", assetUrl: "asset://asset-20260415111540-single" },
    ]);
    expect(m.settled).toBe(true);
  });

  it("does not give a shorthand asset_url to one of several names", () => {
    const m = match(["a", "b"], review.reviewSingleShorthand);
    expect(m.outcomes.every((o) => o.state === "rejected" && o.code === MISSING_FROM_RESULT)).toBe(true);
  });

  it("rejects every asset with the task's error when the whole task failed", () => {
    const m = match(["a", "b"], review.reviewWholeTaskFailed);
    expect(m.wholeTaskFailed).toBe(true);
    expect(m.settled).toBe(true);
    expect(m.outcomes).toEqual([
      { state: "rejected", name: "a", code: "invalid_request", reason: "InvalidParameter.GroupNotFound: the group does not exist" },
      { state: "rejected", name: "b", code: "invalid_request", reason: "InvalidParameter.GroupNotFound: the group does not exist" },
    ]);
  });

  it("matches the one unnamed result to the one submitted asset", () => {
    const task = parseTask({ id: "t", status: "completed", result: { usable_assets: [{ asset_id: "asset-q", asset_url: "asset://asset-q" }] } });
    expect(matchReviewResults(["only"], task).outcomes).toEqual([
      { state: "approved", name: "only", assetId: "asset-q", assetUrl: "asset://asset-q" },
    ]);
  });

  it("does not guess unnamed results among several names", () => {
    const task = parseTask({
      id: "t",
      status: "completed",
      result: { usable_assets: [{ asset_id: "asset-q" }, { asset_id: "asset-r" }] },
    });
    const m = matchReviewResults(["a", "b"], task);
    expect(m.outcomes.map((o) => o.state)).toEqual(["rejected", "rejected"]);
    expect(m.unexpected).toHaveLength(2);
  });

  it("prefers an approval when a name is listed twice", () => {
    const task = parseTask({
      id: "t",
      status: "failed",
      result: {
        failed_assets: [{ name: "a", reason: "X.Y: old" }],
        usable_assets: [{ name: "a", asset_id: "asset-a" }],
      },
    });
    expect(matchReviewResults(["a"], task).outcomes[0]?.state).toBe("approved");
  });

  it("ignores surrounding spaces in names", () => {
    const task = parseTask({ id: "t", status: "completed", result: { usable_assets: [{ name: " a ", asset_id: "asset-a" }] } });
    expect(matchReviewResults(["a"], task).outcomes[0]).toMatchObject({ state: "approved", name: "a" });
  });

  it("rejects with a cancelled code when the task was cancelled", () => {
    const task = parseTask({ id: "t", status: "cancelled" }, { kind: "review" });
    expect(matchReviewResults(["a"], task).outcomes[0]).toMatchObject({ state: "rejected", code: "TaskCancelled" });
  });
});
