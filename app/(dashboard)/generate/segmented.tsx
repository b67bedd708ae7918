"use client";

import { useTranslations } from "next-intl";
import { RadioGroup } from "radix-ui";
import { cn } from "@/lib/utils";

/**
 * One choice of a few, as a row of radio buttons (Radix: one tab stop, arrow keys move the
 * choice). `pill` is the rounded look of filter chips.
 */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
  labelOf,
  look = "box",
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (v: T) => void;
  labelOf?: (option: T) => string;
  look?: "box" | "pill";
}) {
  const t = useTranslations("generate");
  const optionLabel = labelOf ?? ((option: T) => (option === "adaptive" ? t("form.adaptive") : option));
  return (
    <RadioGroup.Root aria-label={label} value={value} onValueChange={(v) => onChange(v as T)} orientation="horizontal" className="flex flex-wrap gap-1">
      {options.map((option) => (
        <RadioGroup.Item
          key={option || "all"}
          value={option}
          className={cn(
            "border text-xs font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:ring-offset-background",
            look === "box" ? "min-w-12 rounded-md px-2.5 py-1.5" : "rounded-full px-3 py-1",
            "border-border hover:bg-muted data-[state=checked]:border-primary data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground",
          )}
        >
          {optionLabel(option)}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
