import { createHash } from "node:crypto";

/** A small deterministic generator (mulberry32) returning numbers in [0, 1). */
export function createRandom(seed: string | number): () => number {
  let state = hashToUint32(String(seed));
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashToUint32(text: string): number {
  return createHash("sha256").update(text).digest().readUInt32BE(0);
}

/** A stable number in [0, 1) for a text, the same on every run. */
export function hashToUnit(text: string): number {
  return hashToUint32(text) / 4294967296;
}
