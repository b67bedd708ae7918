import { toast } from "sonner";
import type { AlreadyApproved } from "@/lib/assets/resubmit-assets";

/**
 * Failed assets a resubmit or replace left out because the same file is already approved in
 * their group: names the approved asset (its `asset://` URL can be used as it is), with
 * "Submit it again" to send them anyway, as the Upload page offers.
 */
export function toastAlreadyApproved(items: readonly AlreadyApproved[], sendAgain: () => void): void {
  const first = items[0];
  if (!first) return;
  const title =
    items.length === 1
      ? `“${first.name}” was not sent again: it is already approved in this group as “${first.approved.name}”.`
      : `${items.length} assets were not sent again: they are already approved in their groups.`;
  toast.warning(title, {
    id: `already-approved-${first.assetId}`,
    description: items.length === 1 ? (first.approved.assetUrl ?? undefined) : items.map((a) => `“${a.name}” as “${a.approved.name}”`).slice(0, 5).join(", "),
    duration: 15_000,
    action: { label: items.length === 1 ? "Submit it again" : "Submit them again", onClick: sendAgain },
  });
}
