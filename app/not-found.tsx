import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotFoundPanel } from "@/components/shell/not-found-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages");
  return { title: t("notFound.title") };
}

/** An address that matches no page: signed-in users see it in the app's shell via app/(dashboard)/[...missing]. */
export default function RootNotFound() {
  return (
    <main className="min-h-dvh p-6">
      <NotFoundPanel />
    </main>
  );
}
