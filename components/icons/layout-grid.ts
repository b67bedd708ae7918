// Lucide's "layout-grid" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const LayoutGrid = icon("LayoutGrid", [
  ["rect", { width: "7", height: "7", x: "3", y: "3", rx: "1" }],
  ["rect", { width: "7", height: "7", x: "14", y: "3", rx: "1" }],
  ["rect", { width: "7", height: "7", x: "14", y: "14", rx: "1" }],
  ["rect", { width: "7", height: "7", x: "3", y: "14", rx: "1" }],
]);
