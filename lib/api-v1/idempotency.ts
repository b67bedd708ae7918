import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";

/** Keys are kept this long; a request with an older key is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
/** A first request that has not answered in this long is taken to have died; its key may be used again. */
const STALE_IN_PROGRESS_MS = 10 * 60_000;
/** Answer headers kept and replayed. */
const KEPT_HEADERS = ["content-type", "location"];

export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  const trimmed = key.trim();
  if (!trimmed || trimmed.length > 255 || !/^[\x21-\x7e]+$/.test(trimmed)) {
    throw new AppError("INVALID_INPUT", "idempotencyKeyInvalid");
  }
  return trimmed;
}

export function requestHash(parts: readonly (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("hex");
}

export type Claim = { kind: "new"; id: string } | { kind: "replay"; response: Response };

/**
 * Claims an Idempotency-Key for a token. The same key with the same request answers the
 * stored response; with another request, 422; while the first is still being answered, 409.
 */
export async function claimIdempotencyKey(
  tokenId: string,
  key: string,
  hash: string,
  now = new Date(),
  /** For a body read as a stream: the whole request's hash, computed only when the key is known already. */
  incomingHash?: () => Promise<string>,
): Promise<Claim> {
  // Keys past their day are forgotten (this token's, so the table stays small without a sweeper).
  await prisma.apiIdempotencyKey.deleteMany({ where: { tokenId, createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
  try {
    const row = await prisma.apiIdempotencyKey.create({ data: { tokenId, key, requestHash: hash }, select: { id: true } });
    return { kind: "new", id: row.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const existing = await prisma.apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } } });
  if (!existing) return claimIdempotencyKey(tokenId, key, hash, now, incomingHash);
  const inProgress = existing.status === null;
  const incoming = incomingHash && !inProgress ? await incomingHash() : hash;
  if (!inProgress && existing.requestHash !== incoming) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "idempotencyKeyReused");
  }
  if (inProgress && !existing.requestHash.startsWith("pending:") && existing.requestHash !== hash) {
    throw new AppError("IDEMPOTENCY_KEY_REUSED", "idempotencyKeyReused");
  }
  if (inProgress) {
    if (now.getTime() - existing.createdAt.getTime() > STALE_IN_PROGRESS_MS) {
      const taken = await prisma.apiIdempotencyKey.updateMany({ where: { id: existing.id, status: null, createdAt: existing.createdAt }, data: { createdAt: now } });
      if (taken.count === 1) return { kind: "new", id: existing.id };
    }
    throw new AppError("CONFLICT", "idempotencyKeyInFlight");
  }
  const headers = new Headers((existing.responseHeaders ?? {}) as Record<string, string>);
  headers.set("Idempotent-Replayed", "true");
  return { kind: "replay", response: new Response(existing.responseBody, { status: existing.status ?? 200, headers }) };
}

/**
 * Stores the answer under the key. A server error is not stored: the key is freed, so the
 * same request may be sent again.
 */
export async function completeIdempotencyKey(id: string, response: Response, finalHash?: string): Promise<Response> {
  if (response.status >= 500) {
    await prisma.apiIdempotencyKey.delete({ where: { id } }).catch(() => undefined);
    return response;
  }
  const body = await response.text();
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  await prisma.apiIdempotencyKey.update({
    where: { id },
    data: { status: response.status, responseBody: body, responseHeaders: headers, completedAt: new Date(), ...(finalHash ? { requestHash: finalHash } : {}) },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

export async function releaseIdempotencyKey(id: string): Promise<void> {
  await prisma.apiIdempotencyKey.delete({ where: { id } }).catch(() => undefined);
}
