// Lucide's "loader-circle" (ISC licence), written by scripts/make-icons.ts.
import { icon } from "@/components/ui/icon";

export const Loader2 = icon("Loader2", [
  ["path", { d: "M21 12a9 9 0 1 1-6.219-8.56" }],
]);
