import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

/** An amount typed in a form: empty means "no limit". Browser-safe. */
const optionalAmount = z.preprocess(
  (v) => (v === "" || v === undefined ? null : typeof v === "string" ? Number(v) : v),
  z.number({ error: messageKey("validation.amountOrEmpty") }).nonnegative(messageKey("validation.limitNegative")).max(1_000_000_000).nullable(),
);
const optionalCount = z.preprocess(
  (v) => (v === "" || v === undefined ? null : typeof v === "string" ? Number(v) : v),
  z.number({ error: messageKey("validation.wholeNumberOrEmpty") }).int(messageKey("validation.wholeNumber")).min(1, messageKey("validation.atLeastOneJob")).max(10_000).nullable(),
);

export const saveTeamBudgetSchema = z.object({
  /** Spend per calendar month (UTC), in the price table's currency; null: no limit. */
  monthlyLimit: optionalAmount,
  /** Video jobs running at once; null: the server's limit. */
  maxRunningJobs: optionalCount,
});
export type SaveTeamBudgetInput = z.infer<typeof saveTeamBudgetSchema>;

export const saveMemberBudgetSchema = z.object({
  userId: z.string().min(1).max(64),
  /** Spend per calendar month (UTC); null removes the member's limit. 0 stops them generating. */
  monthlyLimit: optionalAmount,
});
export type SaveMemberBudgetInput = z.infer<typeof saveMemberBudgetSchema>;
