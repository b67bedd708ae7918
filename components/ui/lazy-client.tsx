"use client";

import { type ComponentType, lazy, Suspense, useSyncExternalStore } from "react";

const noChange = () => () => {};

/** False on the server and while the page hydrates; true in the browser from then on. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
}

/**
 * A component whose code loads when it is first rendered in the browser, as `next/dynamic`
 * with `ssr: false` does, on React's own `lazy` (next/dynamic brings its loader and server
 * helpers into every page that uses it). The server and the hydrating page render
 * `Fallback` (or nothing); the component shows once its code has loaded.
 */
export function lazyClient<P extends object>(load: () => Promise<ComponentType<P>>, Fallback?: ComponentType): ComponentType<P> {
  const Loaded = lazy(() => load().then((component) => ({ default: component })));
  function LazyClient(props: P) {
    const hydrated = useHydrated();
    const fallback = Fallback ? <Fallback /> : null;
    if (!hydrated) return fallback;
    return (
      <Suspense fallback={fallback}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LazyClient;
}
