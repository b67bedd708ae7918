import { Clapperboard, Film, History, Images, KeyRound, LayoutDashboard, Settings, ShieldCheck, Upload } from "lucide-react";
import type { Permission } from "@/lib/auth/roles";

/** The main navigation; `label` is the item's key under `shell.nav`. */
export const navItems = [
  { href: "/", label: "overview", icon: LayoutDashboard },
  { href: "/upload", label: "upload", icon: Upload },
  { href: "/gallery", label: "gallery", icon: Images },
  { href: "/review", label: "review", icon: ShieldCheck, permission: "reviewFailed" as Permission },
  { href: "/generate", label: "generate", icon: Clapperboard },
  { href: "/jobs", label: "jobs", icon: Film },
  { href: "/api-tokens", label: "api", icon: KeyRound },
  { href: "/audit", label: "audit", icon: History, permission: "viewAudit" as Permission },
  { href: "/settings", label: "settings", icon: Settings, permission: "manageSettings" as Permission },
] as const;
