import { messageKey } from "@/lib/i18n/message-key";

/** Why an asset failed review, in groups a person can act on. Browser-safe and small: a card shows its category's heading without `explain-failure.ts`. */
export const failureCategories = ["privacy", "sensitive", "download", "limits", "trademark", "incomplete", "other"] as const;
export type FailureCategory = (typeof failureCategories)[number];

export function isFailureCategory(value: string): value is FailureCategory {
  return (failureCategories as readonly string[]).includes(value);
}

/** Each category's heading, as a `failures` key. */
export const failureCategoryTitles: Record<FailureCategory, string> = {
  privacy: messageKey("failures.titlePrivacy"),
  sensitive: messageKey("failures.titleSensitive"),
  download: messageKey("failures.titleDownload"),
  limits: messageKey("failures.titleLimits"),
  trademark: messageKey("failures.titleTrademark"),
  incomplete: messageKey("failures.titleIncomplete"),
  other: messageKey("failures.titleOther"),
};
