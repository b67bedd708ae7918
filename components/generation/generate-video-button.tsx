"use client";

import { Clapperboard, Loader2 } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { startOneClickJobsAction } from "@/lib/generation/start-one-click-jobs.action";
import { actionErrorMessage } from "@/lib/action-message";

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
  const router = useRouter();
  const ids = assetIds ? [...assetIds] : assetId ? [assetId] : [];
  const start = useAction(startOneClickJobsAction, {
    onSuccess: ({ data }) => {
      const results = data?.results ?? [];
      const started = results.filter((r) => r.ok);
      const refused = results.filter((r) => !r.ok);
      if (results.length === 1 && started[0]?.ok) {
        const { outcome } = started[0];
        if (outcome.state === "SEND_FAILED") toast.error("The video could not be started", { description: outcome.error ?? undefined });
        else toast.success("Video started");
        router.push(`/jobs/${outcome.jobId}`);
        return;
      }
      if (started.length > 0) toast.success(`${started.length} video${started.length === 1 ? "" : "s"} started`);
      for (const r of refused) if (!r.ok) toast.error(`${r.name ?? "An avatar"} was not started`, { description: r.error });
      if (started.length > 0) router.push("/jobs?status=active");
    },
    onError: ({ error }) => {
      toast.error("The video could not be started", { description: actionErrorMessage(error, "Choose between 1 and 50 approved avatars.") });
    },
  });
  const text = label ?? (ids.length > 1 ? `Generate ${ids.length} videos` : "Generate video");
  return (
    <Button
      type="button"
      size={size}
      disabled={disabled || ids.length === 0 || start.isPending}
      onClick={() => start.execute({ assetIds: ids })}
      {...buttonProps}
    >
      {start.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Clapperboard aria-hidden />}
      {start.isPending ? "Starting…" : text}
    </Button>
  );
}
