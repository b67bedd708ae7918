import { Check } from "@/components/icons/check";
import { DropdownMenu } from "radix-ui";
import type { ReactNode } from "react";

/** One choice of a dropdown menu's radio group (theme, language): its content, and a tick when chosen. */
export function MenuRadioItem({ value, lang, children }: { value: string; lang?: string; children: ReactNode }) {
  return (
    <DropdownMenu.RadioItem
      value={value}
      lang={lang}
      className="flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 outline-none select-none data-[highlighted]:bg-muted"
    >
      {children}
      <DropdownMenu.ItemIndicator>
        <Check className="size-4" aria-hidden />
      </DropdownMenu.ItemIndicator>
    </DropdownMenu.RadioItem>
  );
}
