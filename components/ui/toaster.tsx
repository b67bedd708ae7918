"use client";

import { type ComponentProps, type ComponentType, useEffect, useState } from "react";
import { afterPageLoad } from "@/components/ui/after-page-load";
import { loadToastLibrary, markToasterShown, onToastWanted } from "@/components/ui/toast";

type ToasterProps = ComponentProps<typeof import("sonner").Toaster>;

/**
 * The page's toaster (sonner's), put in place after the page's load event, or at once when a
 * toast is asked for before that. See components/ui/toast.ts.
 */
export function Toaster(props: ToasterProps) {
  const [Loaded, setLoaded] = useState<ComponentType<ToasterProps> | null>(null);
  useEffect(() => {
    let done = false;
    const show = () => {
      if (done) return;
      done = true;
      void loadToastLibrary().then((sonner) => setLoaded(() => sonner.Toaster));
    };
    const stop = onToastWanted(show);
    const cancel = afterPageLoad(show);
    return () => {
      stop();
      cancel();
    };
  }, []);
  // The library's toaster subscribes in its own effect, which runs before this one.
  useEffect(() => {
    if (Loaded) markToasterShown();
  }, [Loaded]);
  return Loaded ? <Loaded {...props} /> : null;
}
