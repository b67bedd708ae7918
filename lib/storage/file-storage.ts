import type { Readable } from "node:stream";

/** Bytes `start` to `end`, both included. */
export type ByteRange = { start: number; end: number };

/** A request body or any other source of bytes. */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** How a stored file is described where the store keeps such a thing (an object's Content-Type). */
export type CommitOptions = { contentType?: string };

/** The first and last bytes of a file (each up to the length asked for; the whole file when it is shorter). */
export type FileEnds = { head: Buffer; tail: Buffer };

/** Bytes received and hashed but not yet public: probe them, then commit or discard. */
export type StagedFile = {
  /** a local file path, readable by probes and thumbnailers */
  path: string;
  /** lower-case hex */
  sha256: string;
  sizeBytes: number;
  /** the file's first and last bytes, when `keepEnds` asked for them */
  ends?: FileEnds;
};

export type StageOptions = {
  /** more bytes than this: nothing is kept (FileTooLargeError) */
  maxBytes: number;
  /** also keep this many bytes of each end of the file in memory (`StagedFile.ends`) */
  keepEnds?: number;
};

export type StoredFileInfo = { sizeBytes: number; modifiedAt: Date };

export type OpenedFile = StoredFileInfo & {
  stream: Readable;
  /** the part being read; null when the whole file is */
  range: ByteRange | null;
};

/**
 * Where uploaded and fetched files live: the local disk (`disk-storage.ts`) or an
 * S3-compatible bucket (`s3-storage.ts`). Keys come from `newStorageKey`.
 */
export interface FileStorage {
  /** Streams a source to a private temporary file, hashing and counting; never buffers it whole. */
  stage(source: ByteSource, options: StageOptions): Promise<StagedFile>;
  /** Moves a staged file to its key, where it becomes public. */
  commit(staged: StagedFile, key: string, options?: CommitOptions): Promise<void>;
  /** Deletes a staged file; harmless if it is already gone. */
  discard(staged: StagedFile): Promise<void>;
  /** stage + commit. */
  put(source: ByteSource, key: string, options: { maxBytes: number } & CommitOptions): Promise<{ key: string; sha256: string; sizeBytes: number }>;
  /** null when there is no such file (or the key is not a valid one). */
  openRead(key: string, range?: ByteRange): Promise<OpenedFile | null>;
  stat(key: string): Promise<StoredFileInfo | null>;
  /** Harmless if the file is already gone. */
  delete(key: string): Promise<void>;
  /** The URL the browser (gallery, player) loads a file from; `/files/<key>` on this app. */
  publicUrl(key: string): string;
  /**
   * The URL handed to the provider, which downloads the file for review: a public or
   * presigned bucket URL for object storage, `publicUrl` for the disk. Must stay valid for
   * the provider's whole review.
   */
  providerUrl(key: string): Promise<string>;
  /** Throws when the store cannot be reached (or, for the disk, written). For /api/health. */
  ping(): Promise<void>;
}
