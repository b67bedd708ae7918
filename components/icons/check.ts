// Lucide's "check" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const Check = icon("Check", [
  ["path", { d: "M20 6 9 17l-5-5" }],
]);
