import { describe, expect, it } from "vitest";
import { draftOf, type FileItem, itemsFromDraft, noUploadItems, uploadItemsReducer, type UploadItems } from "./upload-items";

const upload = { id: "u1", fileName: "a.png", sizeBytes: 10, type: "IMAGE", width: 1, height: 1, durationMs: null, url: "https://x/files/a.png" } as unknown as NonNullable<FileItem["upload"]>;

function file(key: string, change: Partial<FileItem> = {}): FileItem {
  return {
    key,
    kind: "file",
    file: new Blob(["x"]) as File,
    fileName: `${key}.png`,
    sizeBytes: 1,
    type: "IMAGE",
    format: "png",
    mediaUrl: null,
    ownsMediaUrl: false,
    width: null,
    height: null,
    durationMs: null,
    name: key,
    status: "queued",
    violations: [],
    error: null,
    loaded: 0,
    upload: null,
    resubmitApproved: false,
    ...change,
  };
}

describe("uploadItemsReducer", () => {
  it("adds, patches and removes files and URLs by key", () => {
    let s: UploadItems = uploadItemsReducer(noUploadItems, { type: "filesAdded", items: [file("a"), file("b")] });
    s = uploadItemsReducer(s, { type: "urlsAdded", items: [{ key: "u", kind: "url", url: "https://e.com/x.mp4", type: "VIDEO", name: "x" }] });
    s = uploadItemsReducer(s, { type: "filePatched", key: "a", change: { status: "uploading", loaded: 5 } });
    expect(s.files.map((f) => [f.key, f.status, f.loaded])).toEqual([["a", "uploading", 5], ["b", "queued", 0]]);
    s = uploadItemsReducer(s, { type: "renamed", key: "u", name: "clip" });
    s = uploadItemsReducer(s, { type: "urlTypeSet", key: "u", urlType: "AUDIO" });
    expect(s.urls[0]).toMatchObject({ name: "clip", type: "AUDIO" });
    // "Submit it again" for an approved duplicate, for a file and for a URL alike.
    s = uploadItemsReducer(s, { type: "resubmitSet", key: "u", resubmitApproved: true });
    s = uploadItemsReducer(s, { type: "resubmitSet", key: "b", resubmitApproved: true });
    expect([s.urls[0]!.resubmitApproved, s.files.map((f) => f.resubmitApproved)]).toEqual([true, [false, true]]);
    s = uploadItemsReducer(s, { type: "removed", key: "a" });
    s = uploadItemsReducer(s, { type: "cleared", keys: ["u"] });
    expect(s.files.map((f) => f.key)).toEqual(["b"]);
    expect(s.urls).toEqual([]);
  });

  it("retries only failed files it still holds the bytes of", () => {
    const s0 = uploadItemsReducer(noUploadItems, {
      type: "filesAdded",
      items: [file("a", { status: "failed", error: "lost", loaded: 4 }), file("b", { status: "failed", file: null }), file("c", { status: "refused" })],
    });
    const one = uploadItemsReducer(s0, { type: "retried", key: "b" });
    expect(one.files[1]!.status).toBe("failed");
    const all = uploadItemsReducer(s0, { type: "allFailedRetried" });
    expect(all.files.map((f) => [f.status, f.error, f.loaded])).toEqual([["queued", null, 0], ["failed", null, 0], ["refused", null, 0]]);
  });

  it("keeps only finished uploads and URLs in the draft, and brings them back", () => {
    const s = uploadItemsReducer(noUploadItems, { type: "filesAdded", items: [file("a", { status: "done", upload, name: "hero" }), file("b")] });
    const draft = draftOf(s);
    expect(draft.files).toEqual([{ key: "a", name: "hero", upload, resubmitApproved: false }]);
    const back = itemsFromDraft(JSON.stringify(draft));
    expect(back?.files.map((f) => [f.key, f.name, f.status, f.file])).toEqual([["a", "hero", "done", null]]);
    expect(itemsFromDraft("{not json")).toBeNull();
    expect(itemsFromDraft(JSON.stringify({ v: 2 }))).toBeNull();
  });
});
