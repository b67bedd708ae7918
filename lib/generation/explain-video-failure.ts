/**
 * Why a video job failed, in plain words a person can act on. The provider's own text never
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

const rules: { test: RegExp; message: string }[] = [
  {
    test: /PrivacyInformation|real person/i,
    message: "The provider stopped this video because it may show a real person. Use avatars that are clearly virtual, and keep real people out of the prompt.",
  },
  { test: /InputTextSensitive|prompt.*(sensitive|flagged)/i, message: "The provider flagged the prompt as sensitive. Reword it and try again." },
  { test: /Input(Image|Video|Audio)Sensitive/i, message: "The provider flagged one of the references as sensitive. Try again with other avatars." },
  { test: /OutputVideoSensitive|Sensitive/i, message: "The provider's safety check flagged the finished video. Try a different prompt." },
  { test: /asset_not_active|not active|asset_not_found/i, message: "One of the references is no longer usable at the provider. Pick approved avatars again and retry." },
  { test: /expired/i, message: "The provider let this job expire before it finished. Retry it." },
  { test: /balance|quota|insufficient/i, message: "The provider account has run out of balance. Top it up, then retry." },
  { test: /timeout|timed out/i, message: "The provider took too long to make this video. Retry it, perhaps with a shorter duration." },
  {
    test: /Internal|server error|render/i,
    message: "The provider ran into a problem while making this video. Retry it; if it keeps failing, try a shorter duration or another model.",
  },
];

/** The specific message for a failure we recognise, or undefined. */
export function matchVideoFailure(error: { code?: string | null; message?: string | null } | undefined | null): string | undefined {
  const text = `${error?.code ?? ""} ${error?.message ?? ""}`;
  return rules.find((rule) => rule.test.test(text))?.message;
}

/** The message for a failure the provider reported on the task. */
export function explainVideoFailure(error: { code?: string | null; message?: string | null } | undefined | null): string {
  return (
    matchVideoFailure(error) ??
    "The provider could not make this video and gave no reason we recognise. Retry it; the provider's answer is kept with the job."
  );
}
