import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages");
  return { title: t("forbidden.title") };
}

export default async function ForbiddenPage() {
  const t = await getTranslations("pages");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">{t("forbidden.heading")}</h1>
      <p className="max-w-md text-muted-foreground">{t("forbidden.body")}</p>
      <Link href="/" className={buttonVariants()}>
        {t("backToOverview")}
      </Link>
    </main>
  );
}
