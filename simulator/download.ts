export type DownloadResult =
  | { ok: true; tooLarge?: false; bytes: Buffer; contentType: string | undefined }
  /** The file is larger than the cap; `size` is what is known of its length (> cap). */
  | { ok: true; tooLarge: true; size: number }
  | { ok: false; message: string };

export interface DownloadOptions {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

/** Connection errors before any answer: a reused keep-alive connection the server had just closed, say. */
const TRANSIENT = /ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed/;

/**
 * Downloads a file the way the provider fetches submitted media: with a timeout and a size
 * cap, and, like any production fetcher, once more when the connection was reset before an
 * answer began (a kept-alive connection closed by the server at the same moment is not the
 * file being unreachable).
 */
export async function download(url: string, options: DownloadOptions): Promise<DownloadResult> {
  const first = await downloadOnce(url, options);
  if (first.ok || !("beforeAnswer" in first) || !first.beforeAnswer || !TRANSIENT.test(first.message)) return stripInternal(first);
  await new Promise((resolve) => setTimeout(resolve, 200));
  return stripInternal(await downloadOnce(url, options));
}

type AttemptResult = DownloadResult | { ok: false; message: string; beforeAnswer: boolean };

function stripInternal(result: AttemptResult): DownloadResult {
  if (result.ok) return result;
  return { ok: false, message: result.message };
}

async function downloadOnce(url: string, options: DownloadOptions): Promise<AttemptResult> {
  const signals = [AbortSignal.timeout(options.timeoutMs)];
  if (options.signal) signals.push(options.signal);
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.any(signals), redirect: "follow" });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ok: false, message: describeFetchError(error, options.timeoutMs), beforeAnswer: true };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, message: `the server answered HTTP ${response.status}` };
  }
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    return { ok: true, tooLarge: true, size: declared };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > options.maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: true, tooLarge: true, size };
      }
      chunks.push(Buffer.from(value));
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ok: false, message: describeFetchError(error, options.timeoutMs) };
  }
  return { ok: true, bytes: Buffer.concat(chunks), contentType: response.headers.get("content-type") ?? undefined };
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return `the download timed out after ${timeoutMs} ms`;
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `the URL could not be fetched (${cause})` : `the URL could not be fetched (${err.message ?? "unknown error"})`;
}
