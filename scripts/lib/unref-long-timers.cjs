// Preload for Prisma's CLI: its WebAssembly schema engine leaves 10 s and 60 s timers
// pending after it is done, which keeps `migrate deploy` alive. Long timers are unref'd so
// the process exits when its work is over.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
