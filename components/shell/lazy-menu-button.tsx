"use client";

import { type ComponentType, type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  label: string;
  popup: "menu" | "dialog";
  children: ReactNode;
  /** Loads the real control, rendered open in place of this button. */
  load: () => Promise<ComponentType<{ defaultOpen?: boolean }>>;
};

/**
 * A button that stands in for a menu or dialog until it is first used, so the page does not
 * load their code up front: pointing at it or focusing it starts the download, pressing it
 * shows the real control, open.
 */
export function LazyMenuButton({ label, popup, children, load }: Props) {
  const [Loaded, setLoaded] = useState<ComponentType<{ defaultOpen?: boolean }> | null>(null);
  if (Loaded) return <Loaded defaultOpen />;
  const prefetch = () => void load();
  return (
    <Button
      variant={popup === "menu" ? "outline" : "ghost"}
      size="icon"
      aria-label={label}
      aria-haspopup={popup}
      aria-expanded={false}
      onPointerEnter={prefetch}
      onFocus={prefetch}
      onClick={() => void load().then((component) => setLoaded(() => component))}
    >
      {children}
    </Button>
  );
}
