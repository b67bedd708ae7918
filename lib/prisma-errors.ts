/**
 * Prisma's error codes the app answers to, in one place. Both read the `code` of whatever
 * was thrown, so that they work on the errors of a transaction client too.
 */

function prismaCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * A unique constraint refused the write (P2002; 23505 from PostgreSQL itself, for a plain
 * statement): someone else wrote the same row first.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = prismaCode(error);
  return code === "P2002" || code === "23505";
}

/** A serializable transaction lost to a concurrent one (P2034): it may be tried again. */
export function isSerializationFailure(error: unknown): boolean {
  return prismaCode(error) === "P2034";
}
