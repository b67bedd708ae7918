// Lucide's "arrow-down" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const ArrowDown = icon("ArrowDown", [
  ["path", { d: "M12 5v14" }],
  ["path", { d: "m19 12-7 7-7-7" }],
]);
