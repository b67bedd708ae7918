import { randomInt } from "node:crypto";
import os from "node:os";

const BASE = 36;
const BLOCK = BASE ** 4;

let counter = randomInt(BLOCK);

const pad = (value: number, size: number) => value.toString(BASE).padStart(size, "0").slice(-size);

/** Two characters from the process id and two from the host name, as cuid's fingerprint is made. */
const fingerprint = (() => {
  const host = os.hostname();
  let sum = host.length + BASE;
  for (const char of host) sum += char.charCodeAt(0);
  return pad(process.pid, 2) + pad(sum, 2);
})();

/**
 * A new row id of the kind Prisma's `@default(cuid())` gives (cuid v1: "c", the time, a
 * counter, the host's fingerprint and random characters; 25 characters, in time order), for
 * rows written with plain SQL beside rows Prisma writes.
 */
export function newRowId(): string {
  counter = counter < BLOCK - 1 ? counter + 1 : 0;
  return `c${Date.now().toString(BASE)}${pad(counter, 4)}${fingerprint}${pad(randomInt(BLOCK), 4)}${pad(randomInt(BLOCK), 4)}`;
}
