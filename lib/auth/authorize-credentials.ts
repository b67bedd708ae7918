import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { clientAddress } from "@/lib/auth/client-address";
import { minutesUntil, reserveSignIn } from "@/lib/auth/login-throttle";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

/** Its code carries the minutes to wait: `too_many_attempts:15`. */
export class TooManyAttempts extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `too_many_attempts:${minutes}`;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(200) });

let warnedUnstamped = false;

/**
 * Checks an email and password with the throttle in front: the try is counted (per account
 * and per client address) before the password is checked, and an unknown email costs the
 * same scrypt work as a known one. Every way of signing in goes through here (the sign-in
 * form's action and Auth.js's own credentials route).
 */
export async function authorizeCredentials(raw: unknown, headers: Headers) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.email || !parsed.data.password) throw new InvalidCredentials();
  const { email, password } = parsed.data;
  const { address, stamped } = clientAddress(headers, env.TRUST_PROXY);
  if (!stamped && !warnedUnstamped) {
    warnedUnstamped = true;
    logger.warn(
      "the client address comes from X-Forwarded-For as received: start the app with `npm start` (scripts/server.ts) so the throttle sees the socket's address",
    );
  }
  const reservation = await reserveSignIn({ account: email, address });
  if (!reservation.allowed) throw new TooManyAttempts(minutesUntil(reservation.retryAt));
  const user = await prisma.user.findUnique({ where: { email }, include: { membership: true } });
  const ok =
    user?.passwordHash && user.membership ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  await reservation.settle(ok);
  if (!ok || !user) throw new InvalidCredentials();
  return { id: user.id, email: user.email, name: user.name };
}
