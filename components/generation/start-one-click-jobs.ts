import { noteStartedJob } from "@/components/generation/running-jobs";
import { toast } from "@/components/ui/toast";
import type { ActionFailure } from "@/lib/action-message";
import { startOneClickJobsAction } from "@/lib/generation/start-one-click-jobs.action";
import { callBack, settle } from "@/lib/use-action";

/** The "generate" namespace's translator. */
// translator say: generate
type Say = (key: string, values?: Record<string, string | number>) => string;

/**
 * What "Generate video" does once pressed (its code loads with the first press): starts one
 * job per avatar with the team's defaults, says what came of it, and opens the job (or the
 * Jobs page for several). Never rejects.
 */
export async function startOneClickJobs(
  assetIds: string[],
  { say, errorMessage, navigate }: { say: Say; errorMessage: (error: ActionFailure) => string; navigate: (href: string) => void },
): Promise<void> {
  const input = { assetIds };
  callBack(await settle(startOneClickJobsAction, input), input, {
    onSuccess: ({ data }) => {
      const results = data?.results ?? [];
      const started = results.filter((r) => r.ok);
      const refused = results.filter((r) => !r.ok);
      for (const r of started) if (r.outcome.state !== "SEND_FAILED") noteStartedJob(r.outcome.jobId);
      if (results.length === 1 && started[0]?.ok) {
        const { outcome } = started[0];
        if (outcome.state === "SEND_FAILED") toast.error(say("form.startFailed"), { description: outcome.error ?? undefined });
        else toast.success(say("form.started"));
        navigate(`/jobs/${outcome.jobId}`);
        return;
      }
      if (started.length > 0) toast.success(say("button.started", { count: started.length }));
      for (const r of refused) if (!r.ok) toast.error(r.name ? say("button.notStarted", { name: r.name }) : say("button.avatarNotStarted"), { description: r.error });
      if (started.length > 0) navigate("/jobs?status=active");
    },
    onError: ({ error }) => {
      toast.error(say("form.startFailed"), { description: errorMessage(error) });
    },
  });
}

