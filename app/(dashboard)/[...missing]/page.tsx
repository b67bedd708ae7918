import { notFound } from "next/navigation";

/** Any address no page matches: "not found" inside the app's shell (for a signed-in user). */
export default function MissingPage(): never {
  notFound();
}
