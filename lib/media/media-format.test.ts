import { describe, expect, it } from "vitest";
import {
  assetTypeForExtension,
  assetTypeForMime,
  claimedFormat,
  fileExtension,
  formatForFileName,
  formatForMime,
} from "@/lib/media/media-format";
import { acceptMap, formatsOfType, MAX_MEDIA_BYTES } from "@/lib/media/limits";

describe("media formats", () => {
  it("lists the provider's formats per type", () => {
    expect(formatsOfType("IMAGE")).toEqual(["jpeg", "png", "webp", "bmp", "tiff", "gif", "heic", "heif"]);
    expect(formatsOfType("VIDEO")).toEqual(["mp4", "mov"]);
    expect(formatsOfType("AUDIO")).toEqual(["wav", "mp3"]);
    expect(MAX_MEDIA_BYTES).toBe(50_000_000);
  });

  it("maps MIME types, aliases and parameters to formats and types", () => {
    expect(formatForMime("image/jpeg")).toBe("jpeg");
    expect(formatForMime("IMAGE/JPG")).toBe("jpeg");
    expect(formatForMime("video/quicktime")).toBe("mov");
    expect(formatForMime("audio/x-wav")).toBe("wav");
    expect(formatForMime("audio/mpeg; codecs=mp3")).toBe("mp3");
    expect(formatForMime("image/avif")).toBeNull();
    expect(formatForMime("")).toBeNull();
    expect(formatForMime(null)).toBeNull();
    expect(assetTypeForMime("image/heic")).toBe("IMAGE");
    expect(assetTypeForMime("video/mp4")).toBe("VIDEO");
    expect(assetTypeForMime("audio/wav")).toBe("AUDIO");
    expect(assetTypeForMime("text/plain")).toBeNull();
  });

  it("maps file names to formats and types by extension", () => {
    expect(fileExtension("Holiday.Photo.JPEG")).toBe("jpeg");
    expect(fileExtension(".png")).toBe("");
    expect(fileExtension("dir.png/file")).toBe("");
    expect(formatForFileName("a.tif")).toBe("tiff");
    expect(formatForFileName("clip.MOV")).toBe("mov");
    expect(formatForFileName("notes.txt")).toBeNull();
    expect(assetTypeForExtension("voice.mp3")).toBe("AUDIO");
    expect(assetTypeForExtension("photo.heif")).toBe("IMAGE");
    expect(assetTypeForExtension("noext")).toBeNull();
  });

  it("prefers the MIME type over the name when both are given", () => {
    expect(claimedFormat("clip.png", "video/mp4")).toBe("mp4");
    expect(claimedFormat("clip.png", "application/octet-stream")).toBe("png");
  });

  it("builds a file picker's accept map", () => {
    expect(acceptMap("VIDEO")).toEqual({ "video/mp4": [".mp4"], "video/quicktime": [".mov", ".qt"] });
    expect(Object.keys(acceptMap())).toHaveLength(12);
  });
});
