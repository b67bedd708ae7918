// Lucide's "menu" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const Menu = icon("Menu", [
  ["path", { d: "M4 5h16" }],
  ["path", { d: "M4 12h16" }],
  ["path", { d: "M4 19h16" }],
]);
