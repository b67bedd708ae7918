import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { clientAddress } from "@/lib/auth/client-address";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { minutesUntil, reserveSignIn } from "@/lib/auth/login-throttle";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
/** Its code carries the minutes to wait: `too_many_attempts:15`. */
class TooManyAttempts extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = `too_many_attempts:${minutes}`;
  }
}

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(200) });

let warnedUnstamped = false;

/**
 * Checks an email and password with the throttle in front: the try is counted (per
 * account and per client address) before the password is checked, and an unknown email
 * costs the same scrypt work as a known one. Used by every way of signing in (the sign-in
 * form's action and Auth.js's own credentials route).
 */
async function authorizeCredentials(raw: unknown, headers: Headers) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.email || !parsed.data.password) throw new InvalidCredentials();
  const { email, password } = parsed.data;
  const { address, stamped } = clientAddress(headers, env.TRUST_PROXY);
  if (!stamped && !warnedUnstamped) {
    warnedUnstamped = true;
    logger.warn("the client address comes from X-Forwarded-For as received: start the app with `npm start` (scripts/server.ts) so the throttle sees the socket's address");
  }
  const reservation = await reserveSignIn({ account: email, address });
  if (!reservation.allowed) throw new TooManyAttempts(minutesUntil(reservation.retryAt));
  const user = await prisma.user.findUnique({ where: { email }, include: { membership: true } });
  const ok = user?.passwordHash && user.membership ? await verifyPassword(password, user.passwordHash) : await verifyAgainstDummy(password);
  await reservation.settle(ok);
  if (!ok || !user) throw new InvalidCredentials();
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * Auth.js with email + password. The JWT only names the user; team and role are read from
 * the database on every request (lib/auth/session.ts), so removals and role changes apply
 * at once.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  adapter: PrismaAdapter(prisma),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  trustHost: true,
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: (raw, request) => authorizeCredentials(raw, request.headers),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
    // Auth.js's own redirects (its sign-in and sign-out routes) follow the same rule as ours.
    redirect({ url, baseUrl }) {
      return new URL(safeReturnPath(url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url, baseUrl), baseUrl).toString();
    },
  },
});
