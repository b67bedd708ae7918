import { createHash } from "node:crypto";
import type { SimContext } from "./context";
import { badRequest } from "./http-error";
import type { Reply } from "./reply";

const MAX_KEY_LENGTH = 255;

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const key = value.trim();
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw badRequest(`Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`, "Idempotency-Key", "invalid_idempotency_key");
  }
  return key;
}

/**
 * The same Idempotency-Key from the same API key on the same endpoint answers what the first
 * successful request answered, and creates nothing new. The same key with a different body is
 * refused. Nothing is awaited between the lookup and the record, so concurrent retries are safe.
 */
export function withIdempotency(
  ctx: SimContext,
  scopeParts: { owner: string; endpoint: string; key: string | undefined },
  body: unknown,
  create: () => { reply: Reply; taskId?: string },
): Reply {
  if (scopeParts.key === undefined) return create().reply;
  const scope = `${scopeParts.owner} ${scopeParts.endpoint} ${scopeParts.key}`;
  const bodyHash = createHash("sha256").update(stableStringify(body)).digest("hex");
  const existing = ctx.store.idempotency.get(scope);
  if (existing) {
    if (existing.bodyHash !== bodyHash) {
      throw badRequest(
        "this Idempotency-Key was already used with a different request body",
        "Idempotency-Key",
        "idempotency_key_reused",
      );
    }
    return {
      status: existing.status,
      headers: { "content-type": "application/json; charset=utf-8", "idempotent-replayed": "true" },
      body: Buffer.from(existing.body),
    };
  }
  const { reply, taskId } = create();
  if (reply.status === 200) {
    ctx.store.idempotency.set(scope, {
      scope,
      bodyHash,
      status: reply.status,
      body: reply.body.toString("utf8"),
      taskId,
      createdMs: ctx.clock.nowMs(),
    });
    ctx.store.changed();
  }
  return reply;
}
