import { createHash, randomBytes } from "node:crypto";

/** A web stream of `total` pseudo-random bytes in chunks, with its SHA-256, what was sent and how often it was pulled. */
export function generatedStream(total: number, chunk = 64 * 1024) {
  const block = randomBytes(chunk);
  const hash = createHash("sha256");
  let sent = 0;
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      if (sent >= total) return controller.close();
      const piece = block.subarray(0, Math.min(chunk, total - sent));
      sent += piece.length;
      hash.update(piece);
      controller.enqueue(new Uint8Array(piece));
    },
  });
  let digest: string | undefined;
  return { stream, digest: () => (digest ??= hash.digest("hex")), sent: () => sent, pulls: () => pulls };
}
