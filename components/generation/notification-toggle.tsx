"use client";

import { Bell, BellOff, BellRing } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/** Asks the browser for permission to notify when a job finishes; shows where that stands. */
export function NotificationToggle() {
  const [permission, setPermission] = useState<NotificationPermission | "unsupported" | null>(null);
  useEffect(() => {
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
  }, []);
  if (permission === null || permission === "unsupported") return null;
  if (permission === "granted") {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
        <BellRing className="size-3.5" aria-hidden /> Browser notifications on
      </span>
    );
  }
  if (permission === "denied") {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted-foreground" title="Allow notifications for this site in your browser's settings">
        <BellOff className="size-3.5" aria-hidden /> Notifications blocked
      </span>
    );
  }
  return (
    <Button type="button" variant="outline" size="sm" onClick={() => Notification.requestPermission().then(setPermission)}>
      <Bell /> Notify me when videos finish
    </Button>
  );
}
