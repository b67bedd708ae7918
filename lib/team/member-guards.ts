import { AppError } from "@/lib/errors";
import type { prisma } from "@/lib/db";
import { isSerializationFailure } from "@/lib/prisma-errors";

/** Who changes the team: the signed-in user, with the team the change is scoped to. */
export type TeamActor = { id: string; teamId: string };

/** Guards the team's last admin: a team must always have someone who can manage it. */
export async function assertNotLastAdmin(tx: Pick<typeof prisma, "membership">, teamId: string, membershipId: string) {
  const admins = await tx.membership.findMany({ where: { teamId, role: "ADMIN" }, select: { id: true } });
  if (admins.length === 1 && admins[0]?.id === membershipId) {
    throw new AppError("CONFLICT", "lastAdmin");
  }
}

// Role changes and removals run serializably: two admins demoting each other at the same
// moment cannot both pass the last-admin check; the loser is asked to try again.
export const serializable = { isolationLevel: "Serializable" } as const;

export function retryLater(error: unknown): never {
  if (isSerializationFailure(error)) throw new AppError("CONFLICT", "teamChangedConcurrently");
  throw error;
}

