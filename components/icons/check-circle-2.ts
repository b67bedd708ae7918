// Lucide's "circle-check" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const CheckCircle2 = icon("CheckCircle2", [
  ["circle", { cx: "12", cy: "12", r: "10" }],
  ["path", { d: "m16 9-5.5 5.5L8 12" }],
]);
