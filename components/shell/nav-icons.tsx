import { Clapperboard } from "@/components/icons/clapperboard";
import { Film } from "@/components/icons/film";
import { History } from "@/components/icons/history";
import { Images } from "@/components/icons/images";
import { KeyRound } from "@/components/icons/key-round";
import { LayoutDashboard } from "@/components/icons/layout-dashboard";
import { LogOut } from "@/components/icons/log-out";
import { Menu } from "@/components/icons/menu";
import { Settings } from "@/components/icons/settings";
import { ShieldCheck } from "@/components/icons/shield-check";
import { Upload } from "@/components/icons/upload";
import type { ShellIcons } from "@/components/shell/nav-items";

/**
 * The sidebar's icons, drawn by the server component that renders the sidebar and handed to
 * it as markup: the page's JavaScript carries no icon drawings for the shell.
 */
export function shellIcons(): ShellIcons {
  const nav = { className: "size-4", "aria-hidden": true } as const;
  return {
    nav: {
      "/": <LayoutDashboard {...nav} />,
      "/upload": <Upload {...nav} />,
      "/gallery": <Images {...nav} />,
      "/review": <ShieldCheck {...nav} />,
      "/generate": <Clapperboard {...nav} />,
      "/jobs": <Film {...nav} />,
      "/api-tokens": <KeyRound {...nav} />,
      "/audit": <History {...nav} />,
      "/settings": <Settings {...nav} />,
    },
    signOut: <LogOut aria-hidden />,
    menu: <Menu aria-hidden />,
  };
}
