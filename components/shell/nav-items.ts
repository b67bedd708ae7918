import type { ReactNode } from "react";
import type { Permission } from "@/lib/auth/roles";

/** The main navigation; `label` is the item's key under `shell.nav`. Icons: nav-icons.tsx. */
export const navItems = [
  { href: "/", label: "overview" },
  { href: "/upload", label: "upload" },
  { href: "/gallery", label: "gallery" },
  { href: "/review", label: "review", permission: "reviewFailed" as Permission },
  { href: "/generate", label: "generate" },
  { href: "/jobs", label: "jobs" },
  { href: "/api-tokens", label: "api" },
  { href: "/audit", label: "audit", permission: "viewAudit" as Permission },
  { href: "/settings", label: "settings", permission: "manageSettings" as Permission },
] as const;

export type NavHref = (typeof navItems)[number]["href"];

/** The sidebar's icons as markup drawn on the server (nav-icons.tsx). */
export type ShellIcons = { nav: Record<NavHref, ReactNode>; signOut: ReactNode; menu: ReactNode };
