// Lucide's "search" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const Search = icon("Search", [
  ["path", { d: "m21 21-4.34-4.34" }],
  ["circle", { cx: "11", cy: "11", r: "8" }],
]);
