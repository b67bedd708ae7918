"use client";

import { Clapperboard } from "@/components/icons/clapperboard";
import { Loader2 } from "@/components/icons/loader-2";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type ComponentProps, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
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
 * (set on Settings), then opens the job (or the Jobs page for several). Every approved card
 * carries one, so what it does once pressed (`start-one-click-jobs.ts`) loads with the first press.
 */
export function GenerateVideoButton({ assetId, assetIds, label, disabled, size = "sm", ...buttonProps }: Props) {
  const t = useTranslations("generate");
  const message = useActionMessage();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const ids = assetIds ? [...assetIds] : assetId ? [assetId] : [];
  const start = () =>
    startTransition(async () => {
      const run = await import("@/components/generation/start-one-click-jobs").catch(() => null);
      if (!run) {
        toast.error(t("form.startFailed"), { description: t("button.notLoaded") });
        return;
      }
      await run.startOneClickJobs(ids, {
        say: t,
        errorMessage: (error) => message.error(error, t("button.chooseAvatars")),
        navigate: (href) => router.push(href),
      });
    });
  const text = label ?? (ids.length > 1 ? t("button.generateMany", { count: ids.length }) : t("form.generateVideo"));
  return (
    <Button type="button" size={size} disabled={disabled || ids.length === 0 || pending} onClick={start} {...buttonProps}>
      {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Clapperboard aria-hidden />}
      {pending ? t("form.starting") : text}
    </Button>
  );
}
