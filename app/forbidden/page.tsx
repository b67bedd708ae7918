import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata = { title: "Not permitted" };

export default function ForbiddenPage() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="max-w-md text-muted-foreground">Your role in the team does not include it. Ask a team admin if you need it.</p>
      <Button asChild>
        <Link href="/">Back to the overview</Link>
      </Button>
    </main>
  );
}
