// Lucide's "x" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const X = icon("X", [
  ["path", { d: "M18 6 6 18" }],
  ["path", { d: "m6 6 12 12" }],
]);
