"use client";

import { Bell } from "@/components/icons/bell";
import { BellOff } from "@/components/icons/bell-off";
import { BellRing } from "@/components/icons/bell-ring";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** Asks the browser for permission to notify when a job finishes; shows where that stands. */
export function NotificationToggle() {
  const t = useTranslations("notifications");
  const [permission, setPermission] = useState<NotificationPermission | "unsupported" | null>(null);
  useEffect(() => {
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
  }, []);
  if (permission === null || permission === "unsupported") return null;
  if (permission === "granted") {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
        <BellRing className="size-3.5" aria-hidden /> {t("toggle.on")}
      </span>
    );
  }
  if (permission === "denied") {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted-foreground" title={t("toggle.blockedHint")}>
        <BellOff className="size-3.5" aria-hidden /> {t("toggle.blocked")}
      </span>
    );
  }
  return (
    <Button type="button" variant="outline" size="sm" onClick={() => Notification.requestPermission().then(setPermission)}>
      <Bell /> {t("toggle.ask")}
    </Button>
  );
}
