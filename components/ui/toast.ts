import type { toast as sonnerToast } from "sonner";

/**
 * Toasts, with the toast library loaded when the page has loaded or when the first toast is
 * asked for, whichever comes first: it is not part of any page's first load. Same calls as
 * sonner's `toast.success/error/warning`; a toast asked for early shows once the library and
 * its `<Toaster>` (components/ui/toaster.tsx) are in place, never lost.
 */
type Sonner = typeof import("sonner");
type Toast = typeof sonnerToast;

let library: Promise<Sonner> | null = null;
let toasterShown: () => void;
const shown = new Promise<void>((resolve) => (toasterShown = resolve));
const wanted = new Set<() => void>();

/** The toast library, loading it on first call. */
export function loadToastLibrary(): Promise<Sonner> {
  library ??= import("sonner");
  return library;
}

/** For `<Toaster>`: called when the library's toaster is on the page and listening. */
export function markToasterShown(): void {
  toasterShown();
}

/** For `<Toaster>`: `show` runs when a toast is asked for before the toaster is on the page. */
export function onToastWanted(show: () => void): () => void {
  wanted.add(show);
  return () => wanted.delete(show);
}

function whenReady(): Promise<Sonner> {
  for (const show of wanted) show();
  return Promise.all([loadToastLibrary(), shown]).then(([sonner]) => sonner);
}

function kind<K extends "success" | "error" | "warning">(name: K) {
  return (...args: Parameters<Toast[K]>): void => {
    void whenReady().then(({ toast }) => (toast[name] as (...a: Parameters<Toast[K]>) => unknown)(...args));
  };
}

export const toast = { success: kind("success"), error: kind("error"), warning: kind("warning") };
