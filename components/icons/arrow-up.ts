// Lucide's "arrow-up" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const ArrowUp = icon("ArrowUp", [
  ["path", { d: "m5 12 7-7 7 7" }],
  ["path", { d: "M12 19V5" }],
]);
