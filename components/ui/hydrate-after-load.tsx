"use client";

import { type ComponentType, lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { afterPageLoad } from "@/components/ui/after-page-load";

/**
 * A component the server renders as usual and the browser hydrates once the page has loaded
 * (its load event) and the component's code has come: for the parts of a page that are not
 * its first interaction, so their code is not among the scripts the page waits for. Until it
 * hydrates, the server's HTML stays on screen as it was sent. Reached by a client navigation
 * (the page has long loaded), the code loads at once and `Fallback` shows meanwhile.
 *
 * A click inside the part before it has hydrated is held and given again once it has (React
 * drops such clicks); so are files dropped on it (which the browser would otherwise open in
 * place of the page) and files chosen in its file inputs. Keep text fields out of these
 * parts: what is typed before hydration is not React's state.
 *
 * Until it has hydrated, the part keeps the props the server drew it with: React would throw
 * away server HTML that cannot hydrate yet if they changed (and show `Fallback`), so props
 * that change meanwhile (a refetch, a choice restored from storage) reach it once it has
 * hydrated. Callbacks are called as they were passed first until then, so pass stable ones
 * (`useStableCallback`) that read the latest state.
 */
export function hydrateAfterLoad<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Fallback?: ComponentType,
  /** The classes of the box the part sits in (`contents` leaves the part itself in its parent's layout). */
  boxClassName?: string,
): ComponentType<P> {
  const Loaded = lazy(async () => {
    if (typeof window !== "undefined") await new Promise<void>((resolve) => afterPageLoad(resolve));
    return { default: await load() };
  });
  function HydrateAfterLoad(props: P) {
    const box = useRef<HTMLDivElement>(null);
    // The props drawn by the server, until the part has hydrated; the latest ones from then on.
    const [first] = useState(props);
    const [live, setLive] = useState(false);
    const shown = live ? props : first;
    // What was done before the part hydrated, to give again once it has, and how to stop holding.
    const held = useRef<{ hydrated: boolean; events: (() => void)[]; stop: (() => void) | null }>({ hydrated: false, events: [], stop: null });
    useEffect(() => {
      const state = held.current;
      // A part whose code was there already renders (and hydrates) in the same commit.
      if (state.hydrated) return;
      const inside = (event: Event): Element | null => {
        const target = event.target;
        return target instanceof Element && box.current?.contains(target) ? target : null;
      };
      // Each listener runs before React's own (on the page's root), which would drop the event.
      const listeners: { [K in "click" | "dragover" | "drop" | "change"]: (event: WindowEventMap[K]) => void } = {
        click: (event) => {
          const target = inside(event);
          if (!target) return;
          event.preventDefault();
          event.stopImmediatePropagation();
          state.events.push(() => target.isConnected && target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true })));
        },
        // Files may be dropped here: the browser does not open them in place of the page.
        dragover: (event) => {
          if (inside(event)) event.preventDefault();
        },
        drop: (event) => {
          const target = inside(event);
          const files = [...(event.dataTransfer?.files ?? [])];
          if (!target) return;
          event.preventDefault();
          event.stopImmediatePropagation();
          if (files.length === 0) return;
          state.events.push(() => {
            if (!target.isConnected) return;
            const data = new DataTransfer();
            for (const file of files) data.items.add(file);
            target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));
          });
        },
        // A file input keeps the files chosen: the change is announced again.
        change: (event) => {
          const target = inside(event);
          if (!(target instanceof HTMLInputElement) || target.type !== "file") return;
          event.stopImmediatePropagation();
          state.events.push(() => target.isConnected && target.dispatchEvent(new Event("change", { bubbles: true })));
        },
      };
      const types = Object.keys(listeners) as (keyof typeof listeners)[];
      for (const type of types) window.addEventListener(type, listeners[type] as EventListener, true);
      state.stop = () => {
        for (const type of types) window.removeEventListener(type, listeners[type] as EventListener, true);
      };
      return () => state.stop?.();
    }, []);
    const hydrated = useCallback(() => {
      const state = held.current;
      state.hydrated = true;
      state.stop?.();
      setLive(true);
      for (const giveAgain of state.events.splice(0)) giveAgain();
    }, []);
    // The same element while the shown props are the same: a boundary still waiting to hydrate
    // sees no update when only the parent rendered again.
    const part = useMemo(
      () => (
        <Suspense fallback={Fallback ? <Fallback /> : null}>
          <Loaded {...shown} />
          <OnMount run={hydrated} />
        </Suspense>
      ),
      [shown, hydrated],
    );
    return (
      // A box of its own to catch clicks in.
      <div ref={box} className={boxClassName}>
        {part}
      </div>
    );
  }
  return memo(HydrateAfterLoad) as unknown as ComponentType<P>;
}

/** Calls `run` once, when the Suspense boundary it sits in has hydrated or rendered. */
function OnMount({ run }: { run: () => void }) {
  useEffect(() => run(), [run]);
  return null;
}
