// Lucide's "circle-x" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const XCircle = icon("XCircle", [
  ["circle", { cx: "12", cy: "12", r: "10" }],
  ["path", { d: "m15 9-6 6" }],
  ["path", { d: "m9 9 6 6" }],
]);
