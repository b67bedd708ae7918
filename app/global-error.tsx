"use client";

import { useSyncExternalStore } from "react";

/**
 * The words of this page, in both languages: it renders outside the catalogue's provider (the
 * root layout is what failed), so it carries its own.
 */
const text = {
  en: {
    title: "Something went wrong · Avatar Studio",
    heading: "Avatar Studio could not be shown",
    body: "Something went wrong on our side. Reload the page; if it keeps happening, send the reference below to your admin or support.",
    reference: "Reference",
    reload: "Reload Avatar Studio",
  },
  zh: {
    title: "出错了 · Avatar Studio",
    heading: "Avatar Studio 无法显示",
    body: "我们这边出了问题。请重新加载页面；如果问题持续出现，请将下面的参考编号发给你的管理员或技术支持。",
    reference: "参考编号",
    reload: "重新加载 Avatar Studio",
  },
} as const;

type Language = keyof typeof text;

/** The page's language as the app last showed it, else the browser's; English on the server. */
function browserLanguage(): Language {
  const tag = document.documentElement.lang || navigator.language || "";
  return tag.toLowerCase().startsWith("zh") ? "zh" : "en";
}

const subscribe = () => () => {};

/**
 * The last resort, when the root layout itself failed: no app styles or providers are
 * loaded, so it brings its own minimal styling (light and dark), its own words and a plain reload.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  const language = useSyncExternalStore(subscribe, browserLanguage, () => "en" as Language);
  const t = text[language];
  return (
    <html lang={language === "zh" ? "zh-CN" : "en"}>
      <head>
        <title>{t.title}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body
        style={{
          margin: 0,
          minHeight: "100dvh",
          display: "flex",
          alignItems: "center",
          justifyContent: "center",
          fontFamily: "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif",
          background: "Canvas",
          color: "CanvasText",
          colorScheme: "light dark",
          padding: "1.5rem",
        }}
      >
        <main role="alert" style={{ maxWidth: "32rem", textAlign: "center" }}>
          <h1 style={{ fontSize: "1.5rem", fontWeight: 600 }}>{t.heading}</h1>
          <p>{t.body}</p>
          {error.digest ? (
            <p>
              {t.reference} <code style={{ fontFamily: "ui-monospace, Menlo, Consolas, monospace" }}>{error.digest}</code>
            </p>
          ) : null}
          <p>
            {/* A full reload on purpose: the app's own navigation is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" style={{ color: "LinkText" }}>
              {t.reload}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
