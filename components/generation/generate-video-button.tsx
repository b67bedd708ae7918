"use client";

import { Clapperboard } from "@/components/icons/clapperboard";
import { Loader2 } from "@/components/icons/loader-2";
import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { noteStartedJob } from "@/components/generation/running-jobs";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { startOneClickJobsAction } from "@/lib/generation/start-one-click-jobs.action";
import { useActionMessage } from "@/lib/i18n/use-action-message";

type Props = Omit<ComponentProps<typeof Button>, "onClick" | "children"> & {
  /** One approved avatar… */
  assetId?: string;
  /** …or several: one job each. */
  assetIds?: readonly string[];
  label?: string;
};

/**
 * "Generate video": starts a job per avatar with the team's default prompt and parameters
 * (set on Settings), then opens the job (or the Jobs page for several).
 */
export function GenerateVideoButton({ assetId, assetIds, label, disabled, size = "sm", ...buttonProps }: Props) {
  const t = useTranslations("generate");
  const message = useActionMessage();
  const router = useRouter();
  const ids = assetIds ? [...assetIds] : assetId ? [assetId] : [];
  const start = useAction(startOneClickJobsAction, {
    onSuccess: ({ data }) => {
      const results = data?.results ?? [];
      const started = results.filter((r) => r.ok);
      const refused = results.filter((r) => !r.ok);
      for (const r of started) if (r.outcome.state !== "SEND_FAILED") noteStartedJob(r.outcome.jobId);
      if (results.length === 1 && started[0]?.ok) {
        const { outcome } = started[0];
        if (outcome.state === "SEND_FAILED") toast.error(t("form.startFailed"), { description: outcome.error ?? undefined });
        else toast.success(t("form.started"));
        router.push(`/jobs/${outcome.jobId}`);
        return;
      }
      if (started.length > 0) toast.success(t("button.started", { count: started.length }));
      for (const r of refused) if (!r.ok) toast.error(r.name ? t("button.notStarted", { name: r.name }) : t("button.avatarNotStarted"), { description: r.error });
      if (started.length > 0) router.push("/jobs?status=active");
    },
    onError: ({ error }) => {
      toast.error(t("form.startFailed"), { description: message.error(error, t("button.chooseAvatars")) });
    },
  });
  const text = label ?? (ids.length > 1 ? t("button.generateMany", { count: ids.length }) : t("form.generateVideo"));
  return (
    <Button
      type="button"
      size={size}
      disabled={disabled || ids.length === 0 || start.isPending}
      onClick={() => start.execute({ assetIds: ids })}
      {...buttonProps}
    >
      {start.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Clapperboard aria-hidden />}
      {start.isPending ? t("form.starting") : text}
    </Button>
  );
}
