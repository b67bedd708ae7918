import { Clapperboard, Film, History, Images, KeyRound, LayoutDashboard, Settings, ShieldCheck, Upload } from "lucide-react";
import type { Permission } from "@/lib/auth/roles";

export const navItems = [
  { href: "/", label: "Overview", icon: LayoutDashboard },
  { href: "/upload", label: "Upload", icon: Upload },
  { href: "/gallery", label: "Gallery", icon: Images },
  { href: "/review", label: "Review", icon: ShieldCheck, permission: "reviewFailed" as Permission },
  { href: "/generate", label: "Generate", icon: Clapperboard },
  { href: "/jobs", label: "Jobs", icon: Film },
  { href: "/api-tokens", label: "API", icon: KeyRound },
  { href: "/audit", label: "Audit", icon: History, permission: "viewAudit" as Permission },
  { href: "/settings", label: "Settings", icon: Settings, permission: "manageSettings" as Permission },
] as const;
