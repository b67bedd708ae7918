"use client";

import { Search, SlidersHorizontal, X } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { activeFilterCount, type GalleryFilters } from "@/lib/assets/gallery-filters";
import type { GalleryFacets } from "@/lib/assets/list-gallery-facets";
import { cn } from "@/lib/utils";

const SEARCH_DELAY_MS = 300;

/** Name search and the filters (type, group, project, who, dates); folded away on phones. */
export function FiltersBar({ filters, facets, onChange }: { filters: GalleryFilters; facets: GalleryFacets; onChange: (next: GalleryFilters) => void }) {
  const [q, setQ] = useState(filters.q ?? "");
  const [open, setOpen] = useState(false);
  const count = activeFilterCount({ ...filters, q: undefined });

  // Search as the user types, once they pause.
  useEffect(() => {
    const wanted = q.trim() || undefined;
    if (wanted === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: wanted }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);

  const set = (patch: Partial<GalleryFilters>) => onChange({ ...filters, ...patch });
  const groups = filters.project ? facets.groups.filter((g) => g.projectName === filters.project) : facets.groups;

  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search by name" aria-label="Search by name" className="pl-8" type="search" />
        </div>
        <Button variant="outline" className="md:hidden" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
          <SlidersHorizontal /> Filters{count > 0 ? ` (${count})` : ""}
        </Button>
      </div>
      <div className={cn("grid-cols-2 gap-2 md:grid md:grid-cols-3 lg:grid-cols-6", open ? "grid" : "hidden")}>
        <Select aria-label="Type" value={filters.type ?? ""} onChange={(e) => set({ type: (e.target.value || undefined) as GalleryFilters["type"] })}>
          <option value="">All types</option>
          <option value="IMAGE">Images</option>
          <option value="VIDEO">Videos</option>
          <option value="AUDIO">Audio</option>
        </Select>
        <Select aria-label="Project" value={filters.project ?? ""} onChange={(e) => set({ project: e.target.value || undefined, group: undefined })}>
          <option value="">All projects</option>
          {facets.projects.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
        <Select aria-label="Group" value={filters.group ?? ""} onChange={(e) => set({ group: e.target.value || undefined })}>
          <option value="">All groups</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
              {filters.project ? "" : ` (${g.projectName})`}
            </option>
          ))}
        </Select>
        <Select aria-label="Submitted by" value={filters.who ?? ""} onChange={(e) => set({ who: e.target.value || undefined })}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          {facets.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
        <Input type="date" aria-label="From" value={filters.from ?? ""} max={filters.to} onChange={(e) => set({ from: e.target.value || undefined })} />
        <Input type="date" aria-label="To" value={filters.to ?? ""} min={filters.from} onChange={(e) => set({ to: e.target.value || undefined })} />
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
          <X /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
