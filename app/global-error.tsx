"use client";

/**
 * The last resort, when the root layout itself failed: no app styles or providers are
 * loaded, so it brings its own minimal styling (light and dark) and a plain reload.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Avatar Studio</title>
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
          <h1 style={{ fontSize: "1.5rem", fontWeight: 600 }}>Avatar Studio could not be shown</h1>
          <p>Something went wrong on our side. Reload the page; if it keeps happening, send the reference below to your admin or support.</p>
          {error.digest ? (
            <p>
              Reference <code style={{ fontFamily: "ui-monospace, Menlo, Consolas, monospace" }}>{error.digest}</code>
            </p>
          ) : null}
          <p>
            {/* A full reload on purpose: the app's own navigation is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" style={{ color: "LinkText" }}>
              Reload Avatar Studio
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
