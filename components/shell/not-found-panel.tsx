import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** "Not found", for an unknown address or a record that is not (or no longer) the team's. */
export function NotFoundPanel() {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-4 py-16 text-center" data-testid="not-found-page">
      <SearchX className="size-10 text-muted-foreground" aria-hidden />
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-muted-foreground">
        There is nothing at this address, or it belongs to another team. It may have been deleted, or the link may be incomplete.
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        <Button asChild>
          <Link href="/">Back to the overview</Link>
        </Button>
        <Button variant="outline" asChild>
          <Link href="/gallery">Open the gallery</Link>
        </Button>
      </div>
    </div>
  );
}
