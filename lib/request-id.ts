import { randomUUID } from "node:crypto";

/** A short id that ties a user-facing error to its log line. */
export function newRequestId(): string {
  return randomUUID().slice(0, 8);
}
