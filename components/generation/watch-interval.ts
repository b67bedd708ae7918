/**
 * How often a finish watcher polls: often while something it watches is running, slower in
 * a background tab (a browser notification still arrives), and not at all in a background tab
 * with nothing running; an idle visible tab looks now and then for work started elsewhere.
 */
export function watchInterval(running: boolean): number | false {
  const hidden = typeof document !== "undefined" && document.visibilityState === "hidden";
  if (running) return hidden ? 30_000 : 5_000;
  return hidden ? false : 20_000;
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json() as Promise<T>;
}

/** A browser notification, when the user allowed them; clicking it brings the tab forward. */
export function notifyInBrowser(title: string, body: string, tag: string, onClick: () => void): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  try {
    const note = new Notification(title, { body, tag });
    note.onclick = () => {
      window.focus();
      onClick();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the toast is enough.
  }
}
