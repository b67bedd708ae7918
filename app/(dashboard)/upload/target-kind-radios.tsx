"use client";

import { FolderPlus } from "@/components/icons/folder-plus";
import { FolderOpen } from "@/components/icons/folder-open";
import { Hash } from "@/components/icons/hash";
import { RadioGroup } from "radix-ui";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";
import type { TargetState } from "./target-state";

// Visible labels are the radios' names; short enough to stay on one line in the narrow card.
const kinds = [
  { kind: "new", icon: FolderPlus },
  { kind: "existing", icon: FolderOpen },
  { kind: "provider", icon: Hash },
] as const;

/**
 * New group, one of the team's, or a provider's group id: one tab stop, arrow keys move the
 * choice. Set in a container (`@container`) that its labels' layout follows.
 */
export function TargetKindRadios({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: TargetState["kind"];
  disabled: boolean;
  onChange: (kind: TargetState["kind"]) => void;
}) {
  const t = useTranslations("upload");
  return (
    <RadioGroup.Root
      aria-label={label}
      value={value}
      onValueChange={(v) => onChange(v as TargetState["kind"])}
      disabled={disabled}
      orientation="horizontal"
      className="flex gap-1 rounded-lg bg-muted p-1"
    >
      {kinds.map(({ kind, icon: Icon }) => (
        <RadioGroup.Item
          key={kind}
          value={kind}
          title={t(`target.kinds.${kind}`)}
          className={cn(
            "flex flex-auto flex-col items-center justify-center gap-1 rounded-md px-1.5 py-1.5 text-xs font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring @sm:flex-row @sm:text-sm",
            "data-[state=checked]:bg-background data-[state=checked]:text-foreground data-[state=checked]:shadow-sm",
          )}
        >
          <Icon className="size-4 shrink-0" aria-hidden />
          <span className="leading-tight">{t(`target.kinds.${kind}`)}</span>
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
