// Lucide's "arrow-right" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const ArrowRight = icon("ArrowRight", [
  ["path", { d: "M5 12h14" }],
  ["path", { d: "m12 5 7 7-7 7" }],
]);
