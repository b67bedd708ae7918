import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { prisma } from "@/lib/db";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { safeReturnPath } from "@/lib/auth/safe-return-path";

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
