"use client";

import type { ComponentProps, ReactNode } from "react";
import { hydrateAfterLoad } from "@/components/ui/hydrate-after-load";
import { Skeleton } from "@/components/ui/skeleton";
import type { ViewControls as Controls } from "./view-controls";

/**
 * Grid or list, and the card size (./view-controls.tsx): drawn by the server, hydrated after
 * the page has loaded, as Radix's toggle groups (and their roving focus) are not needed
 * before. The callbacks passed must be stable.
 */
export const ViewControls = hydrateAfterLoad(
  () => import("./view-controls").then((m) => m.ViewControls),
  () => <Skeleton className="h-9 w-36" />,
  // The groups stay items of the row of actions.
  "contents",
) as (props: ComponentProps<typeof Controls>) => ReactNode;
