import { unstable_rethrow } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";

/**
 * Calling a server action from a client component: its result, whether it is running, and
 * callbacks for each outcome. The actions themselves are next-safe-action's (lib/safe-action.ts);
 * this hook does what that library's `useAction` does for this app, in a fraction of the code
 * every page with a form loaded first (it was a large part of a page's own script).
 *
 * - The action runs inside a transition, so `isPending` stays true until the page the action
 *   refreshed (revalidatePath) has been drawn.
 * - Only the latest call counts: an earlier one still running when another starts neither
 *   changes `result` nor calls back.
 * - A failure is `serverError` (an AppError's words, or the generic message with a reference)
 *   or `validationErrors`; a call whose request failed (the network) is an error with
 *   `thrownError`. A redirect or not-found from the action is the router's to follow: no callback.
 */

/** What a next-safe-action action answers. */
type Outcome = { data?: unknown; serverError?: unknown; validationErrors?: unknown };

export type ActionError<R extends Outcome> = Omit<R, "data"> & { thrownError?: Error };

export type ActionCallbacks<I, R extends Outcome> = {
  onExecute?: (args: { input: I }) => unknown;
  onSuccess?: (args: { data: NonNullable<R["data"]>; input: I }) => unknown;
  onError?: (args: { error: ActionError<R>; input: I }) => unknown;
  onSettled?: (args: { result: Partial<R>; input: I }) => unknown;
};

/** How one call ended. */
export type Settled<R extends Outcome> =
  | { kind: "answered"; result: R }
  | { kind: "thrown"; error: Error }
  /** The action redirected (or answered not found): the router follows it. */
  | { kind: "navigated" };

/** A Next.js redirect or not-found thrown through the action's promise. */
function isNavigation(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

/** Runs the action once and says how it ended; it never rejects. */
export async function settle<I, R extends Outcome>(action: (input: I) => Promise<R | undefined>, input: I): Promise<Settled<R>> {
  try {
    return { kind: "answered", result: (await action(input)) ?? ({} as R) };
  } catch (error) {
    if (isNavigation(error)) return { kind: "navigated" };
    return { kind: "thrown", error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** The callbacks for how a call ended; a callback that throws is logged, not passed on. */
export function callBack<I, R extends Outcome>(settled: Settled<R>, input: I, callbacks: ActionCallbacks<I, R>): void {
  const call = (run: () => unknown) => {
    try {
      void Promise.resolve(run()).catch(console.error);
    } catch (error) {
      console.error(error);
    }
  };
  if (settled.kind === "navigated") return;
  const result: Partial<R> = settled.kind === "answered" ? settled.result : {};
  if (settled.kind === "thrown") {
    const error = { thrownError: settled.error } as ActionError<R>;
    call(() => callbacks.onError?.({ error, input }));
  } else if (result.serverError !== undefined || result.validationErrors !== undefined) {
    const { data: _data, ...error } = settled.result;
    call(() => callbacks.onError?.({ error: error as ActionError<R>, input }));
  } else {
    call(() => callbacks.onSuccess?.({ data: result.data as NonNullable<R["data"]>, input }));
  }
  call(() => callbacks.onSettled?.({ result, input }));
}

export function useAction<I, R extends Outcome>(action: (input: I) => Promise<R | undefined>, callbacks: ActionCallbacks<I, R> = {}) {
  const [result, setResult] = useState<Partial<R>>({});
  const [executing, setExecuting] = useState(false);
  const [isTransitioning, startTransition] = useTransition();
  const latestCallbacks = useRef(callbacks);
  useEffect(() => {
    latestCallbacks.current = callbacks;
  });
  const latestCall = useRef(0);

  const executeAsync = useCallback(
    (input: I): Promise<R | undefined> => {
      const call = ++latestCall.current;
      setExecuting(true);
      latestCallbacks.current.onExecute?.({ input });
      return new Promise((resolve, reject) => {
        // An async transition: pending until the action has answered and what it refreshed is drawn.
        startTransition(async () => {
          const settled = await settle(action, input);
          if (call === latestCall.current) {
            startTransition(() => {
              setResult(settled.kind === "answered" ? settled.result : {});
              setExecuting(false);
            });
            callBack(settled, input, latestCallbacks.current);
          }
          if (settled.kind === "thrown") reject(settled.error);
          else resolve(settled.kind === "answered" ? settled.result : undefined);
        });
      });
    },
    [action],
  );
  const execute = useCallback((input: I) => void executeAsync(input).catch(() => undefined), [executeAsync]);

  return { execute, executeAsync, result, isPending: executing || isTransitioning };
}
