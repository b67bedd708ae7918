import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { RelativeTime } from "@/components/ui/relative-time";
import { Badge } from "@/components/ui/badge";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { publicBaseUrl } from "@/lib/env";
import { CreateTokenForm } from "./create-token-form";
import { RevokeTokenButton } from "./revoke-token-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiTokens");
  return { title: t("title") };
}

export default async function ApiTokensPage() {
  const user = await requirePageUser();
  const t = await getTranslations("apiTokens");
  const tokens = await listApiTokens(user);
  const admin = can(user.role, "manageTeam");
  const now = Date.now();
  return (
    <div className="max-w-5xl">
      <PageHeader
        title={t("title")}
        description={t.rich("description", {
          team: user.teamName,
          link: (chunks) => (
            <Link href="/api-docs" className="text-primary underline underline-offset-4">
              {chunks}
            </Link>
          ),
        })}
      />
      <CreateTokenForm baseUrl={publicBaseUrl()} />
      <h2 className="mt-8 mb-3 text-lg font-semibold">{admin ? t("teamTokens") : t("yourTokens")}</h2>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("noTokens")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border" role="region" aria-label={admin ? t("teamTokens") : t("yourTokens")} tabIndex={0}>
          <table className="w-full text-sm">
            <thead className="bg-muted text-left text-muted-foreground">
              <tr>
                <th className="px-4 py-2 font-medium">{t("table.name")}</th>
                {admin ? <th className="px-4 py-2 font-medium">{t("table.member")}</th> : null}
                <th className="px-4 py-2 font-medium">{t("table.scopes")}</th>
                <th className="px-4 py-2 font-medium">{t("table.created")}</th>
                <th className="px-4 py-2 font-medium">{t("table.lastUsed")}</th>
                <th className="px-4 py-2 font-medium">{t("table.expires")}</th>
                <th className="px-4 py-2" />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const expired = token.expiresAt !== null && token.expiresAt.getTime() <= now;
                return (
                  <tr key={token.id} className="border-t border-border" data-testid="token-row">
                    <td className="px-4 py-2">
                      <div className="font-medium">{token.name}</div>
                      <code className="text-xs text-muted-foreground">{token.prefix}…</code>
                    </td>
                    {admin ? <td className="px-4 py-2">{token.mine ? t("you") : (token.ownerName ?? t("aMember"))}</td> : null}
                    <td className="px-4 py-2">{token.scopes.join(", ")}</td>
                    <td className="px-4 py-2">
                      <RelativeTime iso={token.createdAt.toISOString()} />
                    </td>
                    <td className="px-4 py-2">{token.lastUsedAt ? <RelativeTime iso={token.lastUsedAt.toISOString()} /> : t("never")}</td>
                    <td className="px-4 py-2">{token.expiresAt ? <RelativeTime iso={token.expiresAt.toISOString()} /> : t("never")}</td>
                    <td className="px-4 py-2 text-right">
                      {token.revokedAt ? (
                        <Badge variant="outline">{t("revoked")}</Badge>
                      ) : expired ? (
                        <Badge variant="warning">{t("expired")}</Badge>
                      ) : (
                        <RevokeTokenButton tokenId={token.id} name={token.name} />
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
