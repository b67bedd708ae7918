"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { isTimeZone, localeCookie } from "@/lib/i18n/locales";
import { actionClient, authActionClient } from "@/lib/safe-action";
import { rememberBrowserTimeZone, savePreferences } from "@/lib/users/save-preferences";
import { savePreferencesFormSchema } from "@/lib/users/save-preferences.validation";
import { z } from "zod";

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The language menu, the sign-in page's language links and the preferences page post here.
 * Signed in, the choice is saved on the user; signed out (or in), it is also kept in a cookie
 * so the sign-in page speaks it. With a `returnTo`, the browser goes back to the same page
 * (its filters included); from a plain form without JavaScript that is the whole round trip.
 */
export const savePreferencesAction = actionClient
  .metadata({ actionName: "savePreferences" })
  .inputSchema(savePreferencesFormSchema)
  .action(async ({ parsedInput }) => {
    const user = await getSessionUser();
    if (user) await savePreferences(user, parsedInput);
    if (parsedInput.locale) {
      (await cookies()).set(localeCookie, parsedInput.locale, { path: "/", maxAge: YEAR_SECONDS, sameSite: "lax", httpOnly: true });
    }
    revalidatePath("/", "layout");
    if (parsedInput.returnTo) redirect(safeReturnPath(parsedInput.returnTo));
  });

/** The browser's zone, reported once after sign-in; a zone already saved is left alone. */
export const reportTimeZoneAction = authActionClient
  .metadata({ actionName: "reportTimeZone" })
  .inputSchema(z.object({ timeZone: z.string().refine(isTimeZone) }))
  .action(async ({ parsedInput, ctx }) => {
    await rememberBrowserTimeZone(ctx.user, parsedInput.timeZone);
    revalidatePath("/", "layout");
  });

/** `savePreferencesAction` for a plain `<form action>` (which wants no result back). */
export async function savePreferencesFormAction(formData: FormData): Promise<void> {
  await savePreferencesAction(formData);
}
