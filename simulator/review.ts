import { BackgroundJobs, forEachLimit } from "./background-jobs";
import type { SimContext } from "./context";
import { download } from "./download";
import { maxBytesFor } from "./limits";
import { inspectMedia, tooLargeReason } from "./media-check";
import { moderateAsset } from "./moderation";
import type { AssetRecord, AssetTaskRecord, AssetVerdict } from "./state";

/** Checks per task that run at the same time. */
const PARALLEL_CHECKS = 3;

/**
 * Reviews submitted assets in the background: downloads each one, recognises its format by
 * content, checks the documented limits, then runs the content review stand-in.
 */
export class ReviewRunner {
  private readonly jobs = new BackgroundJobs();

  constructor(private readonly ctx: SimContext) {}

  start(task: AssetTaskRecord): void {
    this.jobs.run(
      () => this.review(task),
      (error) => this.ctx.log("error", "asset review failed", { task: task.id, error: String(error) }),
    );
  }

  /** Starts the reviews a previous run left unfinished. */
  resumePending(): void {
    for (const task of this.ctx.store.tasks.values()) {
      if (task.kind === "asset" && task.checksDoneMs === undefined) this.start(task);
    }
  }

  idle(): Promise<void> {
    return this.jobs.idle();
  }

  stop(): Promise<void> {
    return this.jobs.stop();
  }

  private async review(task: AssetTaskRecord): Promise<void> {
    const { store, clock, log } = this.ctx;
    const pending = task.assetIds
      .map((id) => store.assets.get(id))
      .filter((asset): asset is AssetRecord => asset !== undefined && asset.verdict === undefined);
    await forEachLimit(pending, PARALLEL_CHECKS, async (asset) => {
      let verdict: AssetVerdict;
      try {
        verdict = await this.check(asset);
      } catch (error) {
        if (this.jobs.stopped) return;
        // An unexpected failure must not leave the task processing forever.
        log("error", "asset check crashed", { task: task.id, asset: asset.id, error: String(error) });
        verdict = { ok: false, reason: `InternalServiceError: the asset could not be reviewed (${(error as Error).message})` };
      }
      if (this.jobs.stopped) return;
      asset.verdict = verdict;
      store.changed();
      log("debug", "asset checked", { task: task.id, asset: asset.id, ok: verdict.ok });
    });
    if (this.jobs.stopped) return;
    task.checksDoneMs = clock.nowMs();
    store.changed();
  }

  private async check(asset: AssetRecord): Promise<AssetVerdict> {
    const { settings, blobs } = this.ctx;
    const fetched = await download(asset.url, {
      timeoutMs: settings.downloadTimeoutMs,
      maxBytes: maxBytesFor(asset.type),
      signal: this.jobs.signal,
    });
    if (!fetched.ok) return { ok: false, reason: `InvalidParameter.DownloadFailed: ${fetched.message}` };
    if (fetched.tooLarge) return { ok: false, reason: tooLargeReason(asset.type, fetched.size) };
    const inspection = await inspectMedia(fetched.bytes, asset.type, this.jobs.signal);
    if (!inspection.ok) return inspection;
    const refusal = moderateAsset(asset, settings);
    if (refusal) return { ok: false, reason: refusal };
    let blob: string | undefined;
    if (asset.type === "Image") {
      blob = `assets/${asset.id}.${inspection.format}`;
      await blobs.put(blob, fetched.bytes);
    }
    return {
      ok: true,
      format: inspection.format,
      bytes: inspection.bytes,
      width: inspection.width,
      height: inspection.height,
      durationSeconds: inspection.durationSeconds,
      blob,
    };
  }
}
