import { SearchX } from "@/components/icons/search-x";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/** "Not found", for an unknown address or a record that is not (or no longer) the team's. */
export function NotFoundPanel() {
  const t = useTranslations("pages");
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center" data-testid="not-found-page">
      <SearchX className="size-10 text-muted-foreground" aria-hidden />
      <h1 className="text-2xl font-semibold tracking-tight">{t("notFound.heading")}</h1>
      <p className="text-muted-foreground">
        {t("notFound.body")}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <Link href="/" className={buttonVariants()}>
          {t("backToOverview")}
        </Link>
        <Link href="/gallery" className={buttonVariants({ variant: "outline" })}>
          {t("notFound.openGallery")}
        </Link>
      </div>
    </div>
  );
}
