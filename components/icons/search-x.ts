// Lucide's "search-x" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const SearchX = icon("SearchX", [
  ["path", { d: "m13.5 8.5-5 5" }],
  ["path", { d: "m8.5 8.5 5 5" }],
  ["circle", { cx: "11", cy: "11", r: "8" }],
  ["path", { d: "m21 21-4.3-4.3" }],
]);
