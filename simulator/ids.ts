import { randomBytes } from "node:crypto";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomChars(alphabet: string, count: number): string {
  const bytes = randomBytes(count);
  let out = "";
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** `task_` + 26 Crockford base32 characters: 10 of time (ms) and 16 random, like a ULID. */
export function newTaskId(nowMs: number): string {
  let time = "";
  let rest = Math.max(0, Math.floor(nowMs));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[rest % 32] + time;
    rest = Math.floor(rest / 32);
  }
  return `task_${time}${randomChars(CROCKFORD, 16)}`;
}

/** `YYYYMMDDhhmmss` in UTC. */
export function timestampStamp(nowMs: number): string {
  const d = new Date(nowMs);
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`
  );
}

export function newAssetId(nowMs: number): string {
  return `asset-${timestampStamp(nowMs)}-${randomChars(LOWER_ALNUM, 5)}`;
}

export function newGroupId(nowMs: number): string {
  return `group-${timestampStamp(nowMs)}-${randomChars(LOWER_ALNUM, 5)}`;
}

export function newRequestId(): string {
  return `req_${randomChars(CROCKFORD, 20)}`;
}

export const TASK_ID_PATTERN = /^task_[0-9A-HJKMNP-TV-Z]{26}$/;
export const ASSET_ID_PATTERN = /^asset-\d{14}-[a-z0-9]{5}$/;
export const GROUP_ID_PATTERN = /^group-\d{14}-[a-z0-9]{5}$/;
