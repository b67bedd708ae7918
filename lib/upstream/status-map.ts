import { z } from "zod";

/** Our own task status, whatever words the provider uses. */
export const taskStatusSchema = z.enum(["pending", "running", "completed", "failed", "cancelled"]);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

/**
 * The one table from provider statuses to ours. Keys are lower case; the documented words
 * come first, then the variants seen in client code for the same endpoints.
 */
const providerStatuses: Readonly<Record<string, TaskStatus>> = {
  pending: "pending",
  processing: "running",
  completed: "completed",
  failed: "failed",
  cancelled: "cancelled",
  // Tolerated variants.
  submitted: "pending",
  queued: "pending",
  running: "running",
  in_progress: "running",
  retrying: "running",
  succeeded: "completed",
  success: "completed",
  expired: "failed",
  error: "failed",
  canceled: "cancelled",
};

const terminalStatuses: ReadonlySet<TaskStatus> = new Set(["completed", "failed", "cancelled"]);

export interface MappedStatus {
  status: TaskStatus;
  /** The provider's word as received (trimmed), or "" when it sent none. */
  rawStatus: string;
  /** True when the word is not in the table: the task is treated as still running. */
  unknownStatus: boolean;
}

/**
 * Maps a provider status (any case; "in-progress" and "in progress" count as "in_progress")
 * to ours. Anything unknown, missing or not a string is treated as running and flagged.
 */
export function mapProviderStatus(raw: unknown): MappedStatus {
  const rawStatus = typeof raw === "string" ? raw.trim() : "";
  const key = rawStatus.toLowerCase().replace(/[\s-]+/g, "_");
  const status = Object.hasOwn(providerStatuses, key) ? providerStatuses[key] : undefined;
  if (status) return { status, rawStatus, unknownStatus: false };
  return { status: "running", rawStatus, unknownStatus: true };
}

/** Whether a task in this status will never change again. */
export function isTerminal(status: TaskStatus): boolean {
  return terminalStatuses.has(status);
}
