// Runs once when a Next.js server starts: a missing or bad setting stops start-up here,
// with a message naming it, instead of failing on the first request that needs it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/env");
  }
}
