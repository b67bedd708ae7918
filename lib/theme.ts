/**
 * Light, dark or the system's: the choice is kept in the browser (localStorage `theme`) and
 * shown as a class on <html> (`dark` or `light`, which Tailwind's `dark:` variant reads) with a
 * matching `color-scheme`.
 *
 * The root layout puts `themeScript` inline at the top of <body>, so the class is set before
 * the first paint, and it keeps following the system (when the choice is "system") and the
 * choice made in another tab. The page's own scripts carry nothing for it: only the theme menu,
 * loaded on first use, imports `readTheme` and `chooseTheme`.
 */

export const themeChoices = ["light", "dark", "system"] as const;
export type ThemeChoice = (typeof themeChoices)[number];

const storageKey = "theme";

/**
 * Sets the class and color-scheme for a choice. Self-contained: its source is also the inline
 * script's, run before React.
 */
function applyTheme(choice: string | null, key: string) {
  const root = document.documentElement;
  const system = window.matchMedia("(prefers-color-scheme: dark)");
  const apply = (value: string | null) => {
    const resolved = value === "light" || value === "dark" ? value : system.matches ? "dark" : "light";
    root.classList.remove("light", "dark");
    root.classList.add(resolved);
    root.style.colorScheme = resolved;
  };
  const stored = () => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  if (choice !== null) return apply(choice);
  apply(stored());
  // The system's theme changing, and a choice made in another tab.
  system.addEventListener("change", () => apply(stored()));
  window.addEventListener("storage", (event) => {
    if (event.key === key || event.key === null) apply(stored());
  });
}

/** The inline script of the root layout (see above). */
export const themeScript = `(${applyTheme.toString()})(null, ${JSON.stringify(storageKey)})`;

/** The choice this browser keeps ("system" when none). */
export function readTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(storageKey);
    return themeChoices.find((c) => c === value) ?? "system";
  } catch {
    return "system";
  }
}

/** Keeps a new choice and shows it at once, without the colours' transitions playing. */
export function chooseTheme(choice: ThemeChoice) {
  try {
    localStorage.setItem(storageKey, choice);
  } catch {
    // Storage refused (a private window's quota): the choice holds for this page.
  }
  const still = document.createElement("style");
  still.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.appendChild(still);
  applyTheme(choice, storageKey);
  // Reading a style forces the change to be drawn before transitions come back.
  void window.getComputedStyle(document.body).opacity;
  requestAnimationFrame(() => still.remove());
}
