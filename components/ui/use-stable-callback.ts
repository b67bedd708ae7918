import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * A function that stays the same for the component's life and calls the latest `fn`: for a
 * callback passed to a part that must keep its props (see hydrate-after-load.tsx). Call it
 * from events, not while rendering.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
