import type { AssetType } from "./limits";
import { hashToUnit } from "./seeded-random";

const REAL_PERSON = "real-person";

const PRIVACY_REASONS: Record<AssetType, string> = {
  Image: "InputImageSensitiveContentDetected.PrivacyInformation: the image may contain a real person",
  Video: "InputVideoSensitiveContentDetected.PrivacyInformation: the video may contain a real person",
  Audio: "InputAudioSensitiveContentDetected.PrivacyInformation: the audio may contain a real person's voice",
};

export function fileNameOf(url: string): string {
  try {
    const last = new URL(url).pathname.split("/").pop() ?? "";
    return decodeURIComponent(last);
  } catch {
    return "";
  }
}

/**
 * The content review stand-in: an asset whose name or file name contains `real-person` is
 * refused, and so is a deterministic share (`rejectRate`) chosen by a hash of seed and name.
 */
export function moderateAsset(
  asset: { name: string; url: string; type: AssetType },
  settings: { seed: string; rejectRate: number },
): string | undefined {
  const haystack = `${asset.name}\n${fileNameOf(asset.url)}`.toLowerCase();
  if (haystack.includes(REAL_PERSON)) return PRIVACY_REASONS[asset.type];
  if (settings.rejectRate > 0 && hashToUnit(`${settings.seed}:${asset.name}`) < settings.rejectRate) {
    return PRIVACY_REASONS[asset.type];
  }
  return undefined;
}

/** A generation whose prompt mentions `real-person` fails, so clients can test that path. */
export function moderatePrompt(prompt: string): { code: string; message: string } | undefined {
  if (prompt.toLowerCase().includes(REAL_PERSON)) {
    return {
      code: "OutputVideoSensitiveContentDetected.PrivacyInformation",
      message: "the generated video may contain a real person",
    };
  }
  return undefined;
}
