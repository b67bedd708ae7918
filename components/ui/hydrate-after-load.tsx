"use client";

import { type ComponentType, lazy, memo, Suspense, useCallback, useEffect, useRef } from "react";
import { afterPageLoad } from "@/components/ui/after-page-load";

/**
 * A component the server renders as usual and the browser hydrates once the page has loaded
 * (its load event) and the component's code has come: for the parts of a page that are not
 * its first interaction, so their code is not among the scripts the page waits for. Until it
 * hydrates, the server's HTML stays on screen as it was sent. Reached by a client navigation
 * (the page has long loaded), the code loads at once and `Fallback` shows meanwhile.
 *
 * A click inside the part before it has hydrated is held and given again once it has (React
 * drops such clicks). Keep text fields out of these parts: what is typed before hydration
 * is not React's state.
 *
 * The part re-renders only when its props change (it is memoized): React replaces server HTML
 * that cannot hydrate yet with `Fallback` when they do, so pass props that stay the same
 * object until the user acts (state, memoized values, stable callbacks).
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
    // Clicks made before the part has hydrated, and how to stop holding them.
    const held = useRef<{ hydrated: boolean; clicks: Element[]; stop: (() => void) | null }>({ hydrated: false, clicks: [], stop: null });
    useEffect(() => {
      const state = held.current;
      // A part whose code was there already renders (and hydrates) in the same commit.
      if (state.hydrated) return;
      // Before React's own listener (on the page's root), which drops the click.
      const hold = (event: MouseEvent) => {
        const target = event.target;
        if (!(target instanceof Element) || !box.current?.contains(target)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        state.clicks.push(target);
      };
      window.addEventListener("click", hold, true);
      state.stop = () => window.removeEventListener("click", hold, true);
      return () => state.stop?.();
    }, []);
    const hydrated = useCallback(() => {
      const state = held.current;
      state.hydrated = true;
      state.stop?.();
      for (const target of state.clicks.splice(0)) {
        if (target.isConnected) target.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
      }
    }, []);
    return (
      // A box of its own to catch clicks in.
      <div ref={box} className={boxClassName}>
        <Suspense fallback={Fallback ? <Fallback /> : null}>
          <Loaded {...props} />
          <OnMount run={hydrated} />
        </Suspense>
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
