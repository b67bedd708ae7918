import { mkdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AssetType } from "./limits";

/** Records are owned by a fingerprint of the API key, never the key itself. */
export interface GroupRecord {
  id: string;
  owner: string;
  projectName: string;
  name: string;
  description: string;
  createdMs: number;
}

export type AssetVerdict =
  | {
      ok: true;
      format: string;
      bytes: number;
      width?: number;
      height?: number;
      durationSeconds?: number;
      /** Blob key of the approved file's bytes (images only). */
      blob?: string;
    }
  | { ok: false; reason: string };

export interface AssetRecord {
  id: string;
  owner: string;
  taskId: string;
  groupId: string;
  projectName: string;
  name: string;
  url: string;
  type: AssetType;
  /** Set once the checks for this asset are done. */
  verdict?: AssetVerdict;
}

export interface AssetTaskRecord {
  kind: "asset";
  id: string;
  owner: string;
  model: string;
  createdMs: number;
  reviewMs: number;
  groupId: string;
  projectName: string;
  assetType: AssetType;
  assetIds: string[];
  /** When every asset's checks were done (simulator clock). */
  checksDoneMs?: number;
  idempotencyKey?: string;
}

export interface ReferenceRecord {
  url: string;
  /** `image`, `video` or `audio`. */
  kind: "image" | "video" | "audio";
  role?: string;
}

export interface GenerationRequest {
  model: string;
  prompt: string;
  duration: number;
  size: string;
  resolution: string;
  seed?: number;
  generateAudio: boolean;
  returnLastFrame: boolean;
  references: ReferenceRecord[];
}

export interface VideoOutput {
  video: string;
  thumbnail: string;
  lastFrame?: string;
  width: number;
  height: number;
  durationSeconds: number;
}

export interface VideoTaskRecord {
  kind: "video";
  id: string;
  owner: string;
  model: string;
  createdMs: number;
  videoMs: number;
  ttlSeconds: number;
  request: GenerationRequest;
  /** When rendering finished or failed (simulator clock). */
  renderDoneMs?: number;
  renderError?: { code: string; message: string };
  output?: VideoOutput;
  idempotencyKey?: string;
}

export type TaskRecord = AssetTaskRecord | VideoTaskRecord;

export interface IdempotencyRecord {
  scope: string;
  bodyHash: string;
  status: number;
  body: string;
  taskId?: string;
  createdMs: number;
}

export interface PersistedState {
  version: 1;
  clockOffsetMs: number;
  groups: GroupRecord[];
  assets: AssetRecord[];
  tasks: TaskRecord[];
  idempotency: IdempotencyRecord[];
}

/** How long an idempotency key is remembered. */
const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/**
 * All of the simulator's records. With a state file, every change schedules a debounced,
 * atomic write (temporary file + rename); without one, everything lives in memory.
 */
export class StateStore {
  readonly groups = new Map<string, GroupRecord>();
  readonly assets = new Map<string, AssetRecord>();
  readonly tasks = new Map<string, TaskRecord>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  clockOffsetMs = 0;

  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    readonly file: string | undefined,
    private readonly debounceMs = 50,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Reads the state file if there is one. A missing file is an empty state. */
  load(): void {
    if (!this.file) return;
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    const state = JSON.parse(text) as PersistedState;
    if (state.version !== 1) throw new Error(`unsupported state file version in ${this.file}`);
    this.clockOffsetMs = state.clockOffsetMs ?? 0;
    for (const g of state.groups ?? []) this.groups.set(g.id, g);
    for (const a of state.assets ?? []) this.assets.set(a.id, a);
    for (const t of state.tasks ?? []) this.tasks.set(t.id, t);
    for (const i of state.idempotency ?? []) this.idempotency.set(i.scope, i);
  }

  snapshot(): PersistedState {
    return {
      version: 1,
      clockOffsetMs: this.clockOffsetMs,
      groups: [...this.groups.values()],
      assets: [...this.assets.values()],
      tasks: [...this.tasks.values()],
      idempotency: [...this.idempotency.values()],
    };
  }

  /** Marks the state as changed; it is written shortly after. */
  changed(): void {
    if (!this.file) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save();
    }, this.debounceMs);
  }

  /** Writes pending changes now and waits for the write. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.save();
  }

  pruneIdempotency(nowMs: number): void {
    for (const [scope, record] of this.idempotency) {
      if (nowMs - record.createdMs > IDEMPOTENCY_TTL_MS) this.idempotency.delete(scope);
    }
  }

  private save(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (!this.file || !this.dirty) return;
      this.dirty = false;
      const file = this.file;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify(this.snapshot()));
        await rename(tmp, file);
      } catch (error) {
        this.dirty = true;
        this.onError(error);
      }
    });
    return this.writing;
  }
}
