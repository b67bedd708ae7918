/**
 * SLOT: where "Generate video" goes for approved assets (the generation feature provides
 * `components/generation/generate-video-button.tsx`; render it here with the asset ids).
 * Until it exists this renders nothing.
 */
export function GenerateVideoSlot(_props: { assetIds: string[]; size?: "sm" | "default" }) {
  return null;
}
