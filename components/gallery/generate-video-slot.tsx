"use client";

import { GenerateVideoButton } from "@/components/generation/generate-video-button";

/**
 * SLOT: "Generate video" for approved avatars (the drawer, list rows and the bulk bar). The
 * button itself belongs to video generation; it starts one job per asset with the team's
 * one-click defaults. Only images and videos can lead a generation, so callers pass those.
 */
export function GenerateVideoSlot({
  assetIds,
  size = "default",
  variant,
  className,
}: {
  assetIds: string[];
  size?: "sm" | "default";
  variant?: "default" | "outline";
  className?: string;
}) {
  if (assetIds.length === 0) return null;
  return <GenerateVideoButton assetIds={assetIds} size={size} variant={variant} className={className} />;
}
