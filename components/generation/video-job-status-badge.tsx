import { CheckCircle2 } from "@/components/icons/check-circle-2";
import { CircleDashed } from "@/components/icons/circle-dashed";
import { CircleHelp } from "@/components/icons/circle-help";
import { Loader2 } from "@/components/icons/loader-2";
import { Send } from "@/components/icons/send";
import { XCircle } from "@/components/icons/x-circle";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { VideoJobState } from "@/lib/generated/prisma/enums";

const looks: Record<VideoJobState, { variant: "default" | "success" | "warning" | "destructive" | "info" | "outline"; icon: typeof Loader2; spin?: boolean }> = {
  QUEUED: { variant: "outline", icon: CircleDashed },
  SENT: { variant: "info", icon: Send },
  RUNNING: { variant: "info", icon: Loader2, spin: true },
  SUCCEEDED: { variant: "success", icon: CheckCircle2 },
  FAILED: { variant: "destructive", icon: XCircle },
  CANCELLED: { variant: "warning", icon: XCircle },
  SEND_FAILED: { variant: "destructive", icon: XCircle },
  UNCERTAIN: { variant: "warning", icon: CircleHelp },
};

export function VideoJobStatusBadge({ state }: { state: VideoJobState }) {
  const t = useTranslations("jobs");
  const look = looks[state];
  const Icon = look.icon;
  return (
    <Badge variant={look.variant} data-testid="job-status" data-state={state}>
      <Icon className={look.spin ? "size-3 animate-spin" : "size-3"} aria-hidden />
      {t(`states.${state}`)}
    </Badge>
  );
}
