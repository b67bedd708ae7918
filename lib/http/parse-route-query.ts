import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** A read route's search params checked against its filter schema; bad filters are an INVALID_INPUT error. */
export function parseRouteQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("INVALID_INPUT", "filtersInvalid");
  return parsed.data;
}
