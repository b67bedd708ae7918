import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/api-v1/openapi-document";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { publicBaseUrl } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  summary?: string;
  description?: string;
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};

/** `code` in backticks as <code>, the rest as text. */
function prose(text: string | undefined): ReactNode {
  if (!text) return null;
  return text.split(/(`[^`]+`)/g).map((part, i) => (part.startsWith("`") && part.endsWith("`") ? <code key={i} className="rounded bg-muted px-1 text-xs">{part.slice(1, -1)}</code> : <Fragment key={i}>{part}</Fragment>));
}

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

function typeOf(schema: Schema | undefined): ReactNode {
  if (!schema) return "any";
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return <a href={`#schema-${name}`} className="text-primary underline underline-offset-4">{name}</a>;
  }
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants) return variants.map((v, i) => <Fragment key={i}>{i > 0 ? " | " : ""}{typeOf(v)}</Fragment>);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type;
  if (type === "array") return <>{typeOf(schema.items)}[]</>;
  if (type === "object" && schema.properties) return "object";
  return `${type ?? "any"}${schema.format ? ` (${schema.format})` : ""}`;
}

function PropertiesTable({ schema }: { schema: Schema }) {
  const t = useTranslations("apiDocs");
  const props = Object.entries(schema.properties ?? {});
  if (props.length === 0) return <p className="text-sm text-muted-foreground">{typeOf(schema)}</p>;
  return (
    <table className="w-full text-sm">
      <tbody>
        {props.map(([name, prop]) => (
          <tr key={name} className="border-t border-border align-top">
            <td className="py-1 pr-4 font-mono text-xs">
              {name}
              {schema.required?.includes(name) ? <span className="text-destructive" title={t("required")}> *</span> : null}
            </td>
            <td className="py-1 pr-4 font-mono text-xs">{typeOf(prop)}</td>
            <td className="py-1 text-muted-foreground">
              {prose(prop.description)}
              {prop.type === "object" && prop.properties ? (
                <div className="mt-1 rounded border border-border p-2">
                  <PropertiesTable schema={prop} />
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const methodVariant = { get: "info", post: "success", put: "warning", patch: "warning", delete: "destructive" } as const;

/** The API reference, rendered here from the same OpenAPI document that `/api/v1/openapi.json` serves. */
export default async function ApiDocsPage() {
  await requirePageUser();
  const t = await getTranslations("apiDocs");
  const base = publicBaseUrl();
  const doc = openApiDocument(base) as unknown as {
    info: { title: string; description?: string; version: string };
    paths: Record<string, Record<string, Operation>>;
    components?: { schemas?: Record<string, Schema> };
  };
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  return (
    <div className="max-w-5xl">
      <PageHeader
        title={t("title")}
        description={t.rich("description", {
          title: doc.info.title,
          version: doc.info.version,
          spec: (chunks) => (
            <a className="text-primary underline underline-offset-4" href="/api/v1/openapi.json">
              {chunks}
            </a>
          ),
          tokens: (chunks) => (
            <Link className="text-primary underline underline-offset-4" href="/api-tokens">
              {chunks}
            </Link>
          ),
        })}
      />
      <section className="mb-8 space-y-3 text-sm">
        <p>{prose(doc.info.description)}</p>
        <pre className="rounded-md bg-muted p-3 text-xs break-all whitespace-pre-wrap">{`curl -H "Authorization: Bearer $AVATAR_STUDIO_TOKEN" "${base}/api/v1/assets?state=approved&limit=10"`}</pre>
        <p>{t.rich("headers", { code: (chunks) => <code className="rounded bg-muted px-1 text-xs">{chunks}</code> })}</p>
      </section>
      <nav aria-label={t("endpoints")} className="mb-8 rounded-md border border-border p-4">
        <ul className="space-y-1 text-sm">
          {operations.map(({ path, method, op }) => (
            <li key={`${method} ${path}`}>
              <a href={`#${op.operationId ?? `${method}-${path}`}`} className="hover:underline">
                <span className="inline-block w-14 font-mono text-xs uppercase">{method}</span>
                <span className="font-mono text-xs">{path}</span> — {op.summary}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, op }) => {
        const body = op.requestBody?.content ? Object.entries(op.requestBody.content) : [];
        return (
          <section key={`${method} ${path}`} id={op.operationId ?? `${method}-${path}`} className="mb-10 scroll-mt-20">
            <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
              <Badge variant={methodVariant[method as keyof typeof methodVariant] ?? "default"} className="uppercase">
                {method}
              </Badge>
              <code className="text-base">{path}</code>
            </h2>
            <p className="mt-1 font-medium">{op.summary}</p>
            {op.description ? <p className="mt-1 text-sm whitespace-pre-line text-muted-foreground">{prose(op.description)}</p> : null}
            {op.parameters?.length ? (
              <>
                <h3 className="mt-4 text-sm font-semibold">{t("parameters")}</h3>
                <table className="mt-1 w-full text-sm">
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`} className="border-t border-border align-top">
                        <td className="py-1 pr-4 font-mono text-xs">
                          {p.name}
                          {p.required ? <span className="text-destructive" title={t("required")}> *</span> : null}
                        </td>
                        <td className="py-1 pr-4 text-xs text-muted-foreground">{p.in}</td>
                        <td className="py-1 pr-4 font-mono text-xs">{typeOf(p.schema)}</td>
                        <td className="py-1 text-muted-foreground">{prose(p.description ?? p.schema?.description)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
            {body.length ? (
              <>
                <h3 className="mt-4 text-sm font-semibold">{t("body")}</h3>
                <ul className="mt-1 text-sm">
                  {body.map(([type, media]) => (
                    <li key={type}>
                      <code className="text-xs">{type}</code>: <span className="font-mono text-xs">{typeOf(media.schema)}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <h3 className="mt-4 text-sm font-semibold">{t("answers")}</h3>
            <table className="mt-1 w-full text-sm">
              <tbody>
                {Object.entries(op.responses ?? {}).map(([status, response]) => (
                  <tr key={status} className="border-t border-border align-top">
                    <td className="py-1 pr-4 font-mono text-xs">{status}</td>
                    <td className="py-1 pr-4">{prose(response.description)}</td>
                    <td className="py-1 font-mono text-xs">
                      {Object.values(response.content ?? {}).map((m, i) => (
                        <Fragment key={i}>{typeOf(m.schema)}</Fragment>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
      <h2 className="mb-4 text-xl font-semibold">{t("schemas")}</h2>
      {Object.entries(doc.components?.schemas ?? {}).map(([name, schema]) => (
        <section key={name} id={`schema-${name}`} className="mb-8 scroll-mt-20">
          <h3 className="font-mono text-base font-semibold">{name}</h3>
          {schema.description ? <p className="mb-2 text-sm text-muted-foreground">{prose(schema.description)}</p> : null}
          <PropertiesTable schema={schema} />
        </section>
      ))}
    </div>
  );
}
