"use client";

import { useCallback, useEffect, useState } from "react";
import { initialTarget, type TargetState } from "./target-state";

/** The Upload page's chosen group, kept in this browser under `storageKey` across reloads. */
export function useSavedTarget(storageKey: string, defaultProjectName: string): [TargetState, (change: Partial<TargetState>) => void] {
  const [target, setTarget] = useState<TargetState>(() => initialTarget(defaultProjectName));

  useEffect(() => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(storageKey) ?? "null") as TargetState | null;
      if (saved && typeof saved.kind === "string") setTarget({ ...initialTarget(defaultProjectName), ...saved });
    } catch {}
  }, [storageKey, defaultProjectName]);

  const changeTarget = useCallback(
    (change: Partial<TargetState>) =>
      setTarget((t) => {
        const next = { ...t, ...change };
        try {
          window.localStorage.setItem(storageKey, JSON.stringify(next));
        } catch {}
        return next;
      }),
    [storageKey],
  );

  return [target, changeTarget];
}
