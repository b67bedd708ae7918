import { useTranslations } from "next-intl";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** A labelled drop-down of video parameter values (model, aspect ratio, resolution). */
export function SelectField<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
  optionLabel = (option) => option,
  emptyOption,
}: {
  id: string;
  label: string;
  value: T | "";
  options: readonly T[];
  onChange: (value: T) => void;
  optionLabel?: (option: T) => string;
  /** When set, a first option with the empty value and this text. */
  emptyOption?: string;
}) {
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** The seed as typed: digits and a minus sign only; empty means random. */
export function SeedField({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const t = useTranslations("generate");
  return (
    <div className="flex flex-col gap-2">
      <Label htmlFor={id}>{t("form.seed")}</Label>
      <Input id={id} inputMode="numeric" placeholder={t("form.seedRandom")} value={value} onChange={(e) => onChange(e.target.value.replace(/[^\d-]/g, ""))} />
    </div>
  );
}
