import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { assertCan, requireUser } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { describeAppError, describeUnexpected } from "@/lib/i18n/error-message";
import { logger } from "@/lib/logger";
import { newRequestId } from "@/lib/request-id";

/**
 * Every mutation is a server action built from these clients. Each names itself in metadata
 * (`.metadata({ actionName: "addMember" })`), so that a failure's log line says which action
 * failed. Input is validated with zod; an AppError's sentence reaches the user in their language,
 * anything else is logged with a request id and the user sees a generic message with that id.
 */
export const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ actionName: z.string().min(1) }),
  async handleServerError(error, { metadata }) {
    const actionName = metadata?.actionName ?? "unnamed";
    if (isAppError(error)) {
      if (error.detail !== undefined) logger.warn({ actionName, code: error.code, detail: error.detail }, error.message);
      return describeAppError(error);
    }
    const requestId = newRequestId();
    logger.error({ err: error, requestId, actionName }, `server action ${actionName} failed`);
    return describeUnexpected(requestId);
  },
});

export const authActionClient = actionClient.use(async ({ next }) => {
  const user = await requireUser();
  return next({ ctx: { user } });
});

export function permittedActionClient(permission: Permission) {
  return authActionClient.use(async ({ next, ctx }) => {
    assertCan(ctx.user, permission);
    return next({ ctx });
  });
}
