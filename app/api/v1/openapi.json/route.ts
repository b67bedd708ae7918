import { openApiDocument } from "@/lib/api-v1/openapi-document";
import { publicBaseUrl } from "@/lib/env";
import { withRoute } from "@/lib/http/with-user";

export const dynamic = "force-dynamic";

/** `GET /api/v1/openapi.json`: the API's OpenAPI 3.1 document (public: it describes the API, holds no team's data). */
export const GET = withRoute("serving the OpenAPI document", async () =>
  Response.json(openApiDocument(publicBaseUrl()), { headers: { "cache-control": "public, max-age=300" } }),
);
