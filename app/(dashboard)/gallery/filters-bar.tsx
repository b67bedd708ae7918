"use client";

import { Search } from "@/components/icons/search";
import { SlidersHorizontal } from "@/components/icons/sliders-horizontal";
import { X } from "@/components/icons/x";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { activeFilterCount, type GalleryFilters } from "@/lib/assets/gallery-filters";
import type { GalleryFacets } from "@/lib/assets/list-gallery-facets";
import { cn } from "@/lib/utils";

const SEARCH_DELAY_MS = 300;

/** Name search and the filters (type, group, project, who, dates); folded away on phones. */
export function FiltersBar({
  filters,
  facets,
  onChange,
}: {
  filters: GalleryFilters;
  facets: GalleryFacets;
  /** `typing`: a search being typed, which replaces the history entry instead of adding one. */
  onChange: (next: GalleryFilters, options?: { typing?: boolean }) => void;
}) {
  const t = useTranslations("gallery");
  const [q, setQ] = useState(filters.q ?? "");
  const [open, setOpen] = useState(false);
  const count = activeFilterCount({ ...filters, q: undefined });
  const id = useId();

  // Back and forward change the URL's search: show it in the box.
  const shownQ = useRef(filters.q);
  useEffect(() => {
    if (filters.q === shownQ.current) return;
    shownQ.current = filters.q;
    setQ(filters.q ?? "");
  }, [filters.q]);

  // Search as the user types, once they pause.
  useEffect(() => {
    const wanted = q.trim() || undefined;
    if (wanted === filters.q) return;
    const timer = setTimeout(() => {
      shownQ.current = wanted;
      onChange({ ...filters, q: wanted }, { typing: true });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  const set = (patch: Partial<GalleryFilters>) => onChange({ ...filters, ...patch });
  const groups = filters.project ? facets.groups.filter((g) => g.projectName === filters.project) : facets.groups;

  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("filters.search")} aria-label={t("filters.search")} className="pl-8" type="search" />
        </div>
        <Button variant="outline" className="md:hidden" onClick={() => setOpen((v) => !v)} aria-expanded={open} aria-controls={`${id}-filters`}>
          <SlidersHorizontal /> {t("filters.toggle", { count })}
        </Button>
      </div>
      <div id={`${id}-filters`} className={cn("grid-cols-1 gap-x-2 gap-y-3 min-[360px]:grid-cols-2 md:grid md:grid-cols-3 lg:grid-cols-6", open ? "grid" : "hidden")}>
        <Field id={`${id}-type`} label={t("filters.type")}>
        <Select id={`${id}-type`} value={filters.type ?? ""} onChange={(e) => set({ type: (e.target.value || undefined) as GalleryFilters["type"] })}>
          <option value="">{t("filters.allTypes")}</option>
          <option value="IMAGE">{t("filters.images")}</option>
          <option value="VIDEO">{t("filters.videos")}</option>
          <option value="AUDIO">{t("filters.audio")}</option>
        </Select>
        </Field>
        <Field id={`${id}-project`} label={t("filters.project")}>
        <Select id={`${id}-project`} value={filters.project ?? ""} onChange={(e) => set({ project: e.target.value || undefined, group: undefined })}>
          <option value="">{t("filters.allProjects")}</option>
          {facets.projects.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
        </Field>
        <Field id={`${id}-group`} label={t("filters.group")}>
        <Select id={`${id}-group`} value={filters.group ?? ""} onChange={(e) => set({ group: e.target.value || undefined })}>
          <option value="">{t("filters.allGroups")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
              {filters.project ? "" : ` (${g.projectName})`}
            </option>
          ))}
        </Select>
        </Field>
        <Field id={`${id}-who`} label={t("filters.submittedBy")}>
        <Select id={`${id}-who`} value={filters.who ?? ""} onChange={(e) => set({ who: e.target.value || undefined })}>
          <option value="">{t("filters.anyone")}</option>
          <option value="me">{t("filters.me")}</option>
          {facets.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
        </Field>
        <Field id={`${id}-from`} label={t("filters.createdFrom")}>
          <Input id={`${id}-from`} type="date" value={filters.from ?? ""} max={filters.to} onChange={(e) => set({ from: e.target.value || undefined })} />
        </Field>
        <Field id={`${id}-to`} label={t("filters.createdTo")}>
          <Input id={`${id}-to`} type="date" value={filters.to ?? ""} min={filters.from} onChange={(e) => set({ to: e.target.value || undefined })} />
        </Field>
      </div>
      {count > 0 || filters.q ? (
        <Button
          variant="link"
          size="sm"
          className="h-auto px-0"
          onClick={() => {
            setQ("");
            onChange({ tab: filters.tab });
          }}
        >
          <X /> {t("filters.clear")}
        </Button>
      ) : null}
    </div>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {label}
      </label>
      {children}
    </div>
  );
}
