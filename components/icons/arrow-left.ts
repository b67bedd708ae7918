// Lucide's "arrow-left" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const ArrowLeft = icon("ArrowLeft", [
  ["path", { d: "m12 19-7-7 7-7" }],
  ["path", { d: "M19 12H5" }],
]);
