import { prisma } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import type { SavePreferencesInput } from "@/lib/users/save-preferences.validation";

/** Saves the language and/or time zone a person chose, on their own record only. */
export async function savePreferences(user: Pick<SessionUser, "id">, input: Pick<SavePreferencesInput, "locale" | "timeZone">): Promise<void> {
  const data = { ...(input.locale ? { locale: input.locale } : {}), ...(input.timeZone ? { timeZone: input.timeZone } : {}) };
  if (Object.keys(data).length === 0) return;
  await prisma.user.update({ where: { id: user.id }, data });
}

/** Records the browser's zone the first time we hear it; a zone the person chose is kept. */
export async function rememberBrowserTimeZone(user: Pick<SessionUser, "id">, timeZone: string): Promise<void> {
  await prisma.user.updateMany({ where: { id: user.id, timeZone: null }, data: { timeZone } });
}
