import { NotFoundPanel } from "@/components/shell/not-found-panel";

export const metadata = { title: "Not found" };

/** An address that matches no page: signed-in users see it in the app's shell via app/(dashboard)/[...missing]. */
export default function RootNotFound() {
  return (
    <main className="min-h-dvh p-6">
      <NotFoundPanel />
    </main>
  );
}
