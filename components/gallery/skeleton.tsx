import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** A grey block standing for content still loading. */
export function Bone({ className }: { className?: string }) {
  return <div className={cn("animate-pulse rounded-md bg-muted", className)} aria-hidden />;
}

/**
 * A page's loading state: its real title (known before any data) over grey blocks shaped
 * like what is coming, announced once to screen readers.
 */
export function PageSkeleton({ title, label, children, className }: { title: string; label: string; children: ReactNode; className?: string }) {
  return (
    <div className={className} aria-busy="true">
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <Bone className="mt-2 h-4 w-full max-w-md" />
      </div>
      <p className="sr-only" role="status">
        {label}
      </p>
      {children}
    </div>
  );
}
