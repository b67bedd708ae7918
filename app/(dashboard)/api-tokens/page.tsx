import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { Badge } from "@/components/ui/badge";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { publicBaseUrl } from "@/lib/env";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export const metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const user = await requirePageUser();
  const tokens = await listApiTokens(user);
  const admin = can(user.role, "manageTeam");
  const now = Date.now();
  return (
    <div className="max-w-5xl">
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal access tokens for scripts and other systems: a token acts as you, with your role, in {user.teamName}. See the{" "}
            <Link href="/api-docs" className="text-primary underline underline-offset-4">
              API reference
            </Link>
            .
          </>
        }
      />
      <CreateTokenForm baseUrl={publicBaseUrl()} />
      <h2 className="mt-8 mb-3 text-lg font-semibold">{admin ? "The team's tokens" : "Your tokens"}</h2>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted-foreground">No tokens yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border" role="region" aria-label={admin ? "The team's tokens" : "Your tokens"} tabIndex={0}>
          <table className="w-full text-sm">
            <thead className="bg-muted text-left text-muted-foreground">
              <tr>
                <th className="px-4 py-2 font-medium">Name</th>
                {admin ? <th className="px-4 py-2 font-medium">Member</th> : null}
                <th className="px-4 py-2 font-medium">Scopes</th>
                <th className="px-4 py-2 font-medium">Created</th>
                <th className="px-4 py-2 font-medium">Last used</th>
                <th className="px-4 py-2 font-medium">Expires</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => {
                const expired = t.expiresAt !== null && t.expiresAt.getTime() <= now;
                return (
                  <tr key={t.id} className="border-t border-border" data-testid="token-row">
                    <td className="px-4 py-2">
                      <div className="font-medium">{t.name}</div>
                      <code className="text-xs text-muted-foreground">{t.prefix}…</code>
                    </td>
                    {admin ? <td className="px-4 py-2">{t.mine ? "You" : (t.ownerName ?? "A member")}</td> : null}
                    <td className="px-4 py-2">{t.scopes.join(", ")}</td>
                    <td className="px-4 py-2">
                      <RelativeTime iso={t.createdAt.toISOString()} />
                    </td>
                    <td className="px-4 py-2">{t.lastUsedAt ? <RelativeTime iso={t.lastUsedAt.toISOString()} /> : "Never"}</td>
                    <td className="px-4 py-2">{t.expiresAt ? <RelativeTime iso={t.expiresAt.toISOString()} /> : "Never"}</td>
                    <td className="px-4 py-2 text-right">
                      {t.revokedAt ? (
                        <Badge variant="outline">Revoked</Badge>
                      ) : expired ? (
                        <Badge variant="warning">Expired</Badge>
                      ) : (
                        <RevokeTokenButton tokenId={t.id} name={t.name} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
