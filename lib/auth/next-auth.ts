import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { clientKey, LOGIN_MAX_FAILURES, recentFailures, recordFailure } from "@/lib/auth/login-throttle";
import { verifyPassword } from "@/lib/auth/password";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

const credentialsSchema = z.object({ email: z.email().toLowerCase(), password: z.string().min(1).max(200) });

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
      async authorize(raw, request) {
        const key = clientKey(request.headers);
        if ((await recentFailures(key)) >= LOGIN_MAX_FAILURES) throw new TooManyAttempts();
        const parsed = credentialsSchema.safeParse(raw);
        const user = parsed.success
          ? await prisma.user.findUnique({ where: { email: parsed.data.email }, include: { membership: true } })
          : null;
        const ok =
          parsed.success && user?.passwordHash && user.membership
            ? await verifyPassword(parsed.data.password, user.passwordHash)
            : false;
        if (!ok || !user) {
          await recordFailure(key);
          throw new InvalidCredentials();
        }
        return { id: user.id, email: user.email, name: user.name };
      },
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
  },
});
