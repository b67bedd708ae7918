import { describe, expect, it } from "vitest";
import * as review from "@/lib/upstream/fixtures/review-tasks";
import * as video from "@/lib/upstream/fixtures/video-tasks";
import { assetIdFromUrl, failureCodeOf, normaliseAssetUrl, parseTask } from "@/lib/upstream/parse-task";
import { parsedTaskSchema } from "@/lib/upstream/normalised";
import { UpstreamError } from "@/lib/upstream/upstream-error";

function parse(body: { data: unknown }, options?: Parameters<typeof parseTask>[1]) {
  const task = parseTask(body.data, options);
  // Whatever the variant, the result fits our own schema.
  expect(parsedTaskSchema.safeParse(task).success).toBe(true);
  return task;
}

describe("parseTask: asset review", () => {
  it("reads a task still in review", () => {
    const task = parse(review.reviewProcessing);
    expect(task).toMatchObject({ taskId: "task_01KREVIEWPROCESSING0000000", status: "running", rawStatus: "processing", progress: 10 });
    expect(task.createdAt?.toISOString()).toBe("2026-04-15T03:15:40.000Z");
    expect(task.estimatedSeconds).toBe(30);
    expect(task.review).toEqual({ usable: [], failed: [], pending: [], groupId: undefined, assetUrl: undefined });
    expect(task.video).toBeUndefined();
    expect(task.error).toBeUndefined();
  });

  it("reads all approved", () => {
    const task = parse(review.reviewAllApproved);
    expect(task.status).toBe("completed");
    expect(task.completedAt?.getTime()).toBe(1776222990 * 1000);
    expect(task.actualSeconds).toBe(50);
    expect(task.review?.groupId).toBe("group-20260415111540-abcde");
    expect(task.review?.usable).toEqual([
      { name: "avatar-a", assetId: "asset-20260415111540-abcde", assetUrl: "asset://asset-20260415111540-abcde" },
      { name: "avatar-b", assetId: "asset-20260415111541-fghij", assetUrl: "asset://asset-20260415111541-fghij" },
    ]);
    expect(task.review?.failed).toEqual([]);
  });

  it("reads the contract's partial failure", () => {
    const task = parse(review.reviewPartialFailure);
    expect(task.status).toBe("failed");
    expect(task.error).toEqual({ message: "Some assets did not pass review" });
    expect(task.review?.usable).toEqual([
      { name: "avatar-a", assetId: "asset-20260415111540-abcde", assetUrl: "asset://asset-20260415111540-abcde" },
    ]);
    expect(task.review?.failed).toEqual([
      {
        name: "avatar-b",
        assetId: "asset-20260415111541-fghij",
        code: "InputImageSensitiveContentDetected.PrivacyInformation",
        reason: "InputImageSensitiveContentDetected.PrivacyInformation: the image may contain a real person",
      },
    ]);
  });

  it("tolerates `url`, `Asset://` in any case, `error.message`, `message`, string codes and task_id", () => {
    const task = parse(review.reviewReordered);
    expect(task.taskId).toBe("task_01KREVIEWREORDERED00000000");
    expect(task.status).toBe("failed");
    expect(task.progress).toBe(100);
    expect(task.review?.usable.map((u) => u.assetUrl)).toEqual(["asset://asset-c", "asset://asset-a"]);
    expect(task.review?.failed).toEqual([
      { name: "avatar-b", assetId: "asset-b", code: "InvalidParameter.DownloadFailed", reason: "InvalidParameter.DownloadFailed" },
      { name: "not-submitted", assetId: "asset-x", code: undefined, reason: "the file is out of limits" },
    ]);
    // No error given for a failed task: a plain fallback, never undefined.
    expect(task.error?.message).toMatch(/failed/);
  });

  it("tolerates a full assets[] list with names only in raw_response.Result.Name", () => {
    const task = parse(review.reviewFullAssetList);
    expect(task.status).toBe("running");
    expect(task.review).toEqual({
      groupId: "group-1",
      usable: [{ name: "avatar-a", assetId: "asset-a", assetUrl: "asset://asset-a" }],
      failed: [
        {
          name: "avatar-b",
          assetId: "asset-b",
          code: "OutputImageSensitiveContentDetected.Trademark",
          reason: "OutputImageSensitiveContentDetected.Trademark: a logo was found",
        },
      ],
      pending: [{ name: "avatar-c", assetId: "asset-c" }],
      assetUrl: undefined,
    });
  });

  it("tolerates the official asset API's own field names at the item's top level", () => {
    const task = parseTask(
      {
        id: "task_pascal",
        status: "failed",
        result: {
          assets: [
            { Id: "asset-p1", Name: "avatar-a", Status: "Active", URL: "Asset://asset-p1" },
            { Id: "asset-p2", Name: "avatar-b", Status: "Failed", Error: { Code: "InputImageSensitiveContentDetected.PrivacyInformation", Message: "the image may contain a real person" } },
            { Id: "asset-p3", Name: "avatar-c", Status: "Processing" },
          ],
        },
      },
      { kind: "review" },
    );
    expect(task.review?.usable).toEqual([{ name: "avatar-a", assetId: "asset-p1", assetUrl: "asset://asset-p1" }]);
    expect(task.review?.failed).toEqual([
      { name: "avatar-b", assetId: "asset-p2", code: "InputImageSensitiveContentDetected.PrivacyInformation", reason: "the image may contain a real person" },
    ]);
    expect(task.review?.pending).toEqual([{ name: "avatar-c", assetId: "asset-p3" }]);
  });

  it("tolerates the official field names under raw_response.Result, Error included, in the split lists too", () => {
    const task = parseTask(
      {
        id: "task_result",
        status: "failed",
        result: {
          usable_assets: [{ raw_response: { Result: { Id: "asset-r1", Name: "avatar-a", Status: "Active", URL: "asset://asset-r1" } } }],
          failed_assets: [
            { raw_response: { Result: { Id: "asset-r2", Name: "avatar-b", Status: "Failed", Error: { Code: "InvalidParameter.DownloadFailed", Message: "could not fetch" } } } },
          ],
        },
      },
      { kind: "review" },
    );
    expect(task.review?.usable).toEqual([{ name: "avatar-a", assetId: "asset-r1", assetUrl: "asset://asset-r1" }]);
    expect(task.review?.failed).toEqual([{ name: "avatar-b", assetId: "asset-r2", code: "InvalidParameter.DownloadFailed", reason: "could not fetch" }]);
  });

  it("prefers our own field names where an item carries both", () => {
    const task = parseTask(
      { id: "task_both", status: "completed", result: { usable_assets: [{ asset_id: "asset-ours", name: "ours", asset_url: "asset://asset-ours", Id: "asset-theirs", Name: "theirs" }] } },
      { kind: "review" },
    );
    expect(task.review?.usable).toEqual([{ name: "ours", assetId: "asset-ours", assetUrl: "asset://asset-ours" }]);
  });

  it("reads the single-asset shorthand asset_url, lower-casing the scheme", () => {
    const task = parse(review.reviewSingleShorthand);
    expect(task.status).toBe("completed");
    expect(task.progress).toBe(100);
    expect(task.review?.assetUrl).toBe("asset://asset-20260415111540-single");
    expect(task.review?.usable).toEqual([]);
  });

  it("reads a whole-task failure with its error code", () => {
    const task = parse(review.reviewWholeTaskFailed);
    expect(task.status).toBe("failed");
    expect(task.error).toEqual({ message: "InvalidParameter.GroupNotFound: the group does not exist", code: "invalid_request" });
    expect(task.review).toEqual({ usable: [], failed: [], pending: [], groupId: undefined, assetUrl: undefined });
  });

  it("flags an unknown status and treats it as running", () => {
    const task = parse(review.reviewUnknownStatus);
    expect(task).toMatchObject({ status: "running", rawStatus: "Verifying", unknownStatus: true, progress: 40 });
  });

  it("builds asset:// from an asset id when the URL is missing, and drops unreadable list entries", () => {
    const task = parseTask({
      id: "t1",
      status: "completed",
      result: { usable_assets: [{ asset_id: "asset-z", name: "z" }, "junk", null, 5, { name: "no-id-no-url" }], failed_assets: "junk" },
    });
    expect(task.review?.usable).toEqual([{ name: "z", assetId: "asset-z", assetUrl: "asset://asset-z" }]);
    expect(task.review?.failed).toEqual([]);
  });

  it("honours a kind hint", () => {
    const task = parseTask({ id: "t1", status: "failed" }, { kind: "review" });
    expect(task.review).toBeDefined();
    expect(task.video).toBeUndefined();
  });
});

describe("parseTask: video generation", () => {
  it("reads a running task", () => {
    const task = parse(video.videoRunning);
    expect(task).toMatchObject({ status: "running", progress: 35 });
    expect(task.review).toBeUndefined();
  });

  it("reads videos[0].url as an array, expires_at, thumbnail and last frame", () => {
    const task = parse(video.videoCompleted);
    expect(task.video).toEqual({
      urls: ["https://cdn.example.com/v/abc.mp4"],
      expiresAt: new Date(1776309460 * 1000),
      thumbnailUrl: "https://cdn.example.com/v/abc.jpg",
      lastFrameUrl: "https://cdn.example.com/v/abc-last.png",
    });
    expect(task.review).toBeUndefined();
  });

  it("reads videos[0].url as a plain string and images[] as strings", () => {
    const task = parse(video.videoCompletedStringUrl);
    expect(task.status).toBe("completed");
    expect(task.video?.urls).toEqual(["https://cdn.example.com/v/def.mp4"]);
    expect(task.video?.lastFrameUrl).toBe("https://cdn.example.com/v/def-last.png");
  });

  it("reads result.video_url", () => {
    expect(parse(video.videoCompletedVideoUrl).video?.urls).toEqual(["https://cdn.example.com/v/ghi.mp4"]);
  });

  it("reads result.urls and a string expires_at", () => {
    const task = parse(video.videoCompletedUrls);
    expect(task.video?.urls).toEqual(["https://cdn.example.com/v/jkl.mp4"]);
    expect(task.video?.expiresAt).toEqual(new Date(1776309460 * 1000));
  });

  it("reads a failed generation", () => {
    const task = parse(video.videoFailed, { kind: "video" });
    expect(task.status).toBe("failed");
    expect(task.error).toEqual({ message: "OutputVideoSensitiveContentDetected: the output was blocked", code: "content_policy" });
    expect(task.video).toEqual({ urls: [], expiresAt: undefined, thumbnailUrl: undefined, lastFrameUrl: undefined });
  });
});

describe("parseTask: malformed input", () => {
  it.each([null, undefined, 42, "task", [], [{ id: "x" }], true])("gives UPSTREAM_MALFORMED for %j", (payload) => {
    let thrown: unknown;
    try {
      parseTask(payload);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UpstreamError);
    expect((thrown as UpstreamError).code).toBe("UPSTREAM_MALFORMED");
  });

  it("gives UPSTREAM_MALFORMED when no id is anywhere", () => {
    expect(() => parseTask({ status: "completed" })).toThrow(UpstreamError);
  });

  it("uses the id that was asked for when the payload omits it", () => {
    expect(parseTask({ status: "completed" }, { taskId: "asked" }).taskId).toBe("asked");
  });

  it("survives wrong types in every field", () => {
    const task = parseTask({
      id: 12345,
      status: { nested: true },
      progress: "lots",
      created: "not a date",
      completed: -1,
      estimated_time: [],
      error: 5,
      object: 7,
      result: { usable_assets: { not: "a list" }, videos: "https://x/y.mp4", images: [7, { url: 5 }], expires_at: {} },
    });
    expect(task).toMatchObject({ taskId: "12345", status: "running", unknownStatus: true, progress: 0 });
    expect(task.createdAt).toBeUndefined();
    expect(task.completedAt).toBeUndefined();
    expect(parsedTaskSchema.safeParse(task).success).toBe(true);
  });

  it("clamps progress and accepts percent strings", () => {
    expect(parseTask({ id: "a", status: "running", progress: 250 }).progress).toBe(100);
    expect(parseTask({ id: "a", status: "running", progress: "45%" }).progress).toBe(45);
    expect(parseTask({ id: "a", status: "running", progress: -3 }).progress).toBe(0);
  });

  it("unwraps a whole envelope", () => {
    expect(parseTask(review.reviewAllApproved).taskId).toBe("task_01KREVIEWALLAPPROVED000000");
  });
});

describe("helpers", () => {
  it("normalises the asset scheme only", () => {
    expect(normaliseAssetUrl("Asset://asset-x")).toBe("asset://asset-x");
    expect(normaliseAssetUrl(" ASSET://Asset-X ")).toBe("asset://Asset-X");
    expect(normaliseAssetUrl("https://Example.com/A.png")).toBe("https://Example.com/A.png");
    expect(assetIdFromUrl("Asset://asset-x")).toBe("asset-x");
    expect(assetIdFromUrl("https://x/y")).toBeUndefined();
  });

  it.each([
    ["InputImageSensitiveContentDetected.PrivacyInformation: the image may contain a real person", "InputImageSensitiveContentDetected.PrivacyInformation"],
    ["InvalidParameter.DownloadFailed", "InvalidParameter.DownloadFailed"],
    ["InvalidParameter.DownloadFailed could not fetch", "InvalidParameter.DownloadFailed"],
    ["Timeout: no answer", "Timeout"],
    ["the image may contain a real person", undefined],
    ["Download failed: 404", undefined],
    ["Rejected", undefined],
    ["", undefined],
  ])("failure code of %j is %j", (reason, code) => {
    expect(failureCodeOf(reason)).toBe(code);
  });
});
