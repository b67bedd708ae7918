import { messageKey } from "@/lib/i18n/message-key";

/**
 * Why a video job failed, as a `videoFailures` catalogue key: plain words a person can act on. The provider's own text never
 * reaches the browser: it stays in the job's raw payload. Browser-safe.
 */

/** Codes we set ourselves, for failures on our side of the job. */
export const ownFailureCodes = {
  sendFailed: "SEND_FAILED",
  noVideo: "NO_VIDEO_IN_RESULT",
  storeFailed: "VIDEO_NOT_STORED",
  taskLost: "TASK_NOT_FOUND",
  pollFailed: "PROVIDER_UNREACHABLE",
  cancelled: "CANCELLED",
} as const;

const rules: { test: RegExp; key: string }[] = [
  { test: /PrivacyInformation|real person/i, key: messageKey("videoFailures.realPerson") },
  { test: /InputTextSensitive|prompt.*(sensitive|flagged)/i, key: messageKey("videoFailures.promptSensitive") },
  { test: /Input(Image|Video|Audio)Sensitive/i, key: messageKey("videoFailures.referenceSensitive") },
  { test: /OutputVideoSensitive|Sensitive/i, key: messageKey("videoFailures.outputSensitive") },
  { test: /asset_not_active|not active|asset_not_found/i, key: messageKey("videoFailures.referenceNotUsable") },
  { test: /expired/i, key: messageKey("videoFailures.expired") },
  { test: /balance|quota|insufficient/i, key: messageKey("videoFailures.balance") },
  { test: /timeout|timed out/i, key: messageKey("videoFailures.timeout") },
  { test: /Internal|server error|render/i, key: messageKey("videoFailures.internal") },
];

/** The `videoFailures` key of a failure we recognise, or undefined. */
export function matchVideoFailure(error: { code?: string | null; message?: string | null } | undefined | null): string | undefined {
  const text = `${error?.code ?? ""} ${error?.message ?? ""}`;
  return rules.find((rule) => rule.test.test(text))?.key;
}

/** The `videoFailures` key for a failure the provider reported on the task. */
export function explainVideoFailure(error: { code?: string | null; message?: string | null } | undefined | null): string {
  return matchVideoFailure(error) ?? messageKey("videoFailures.unknown");
}
