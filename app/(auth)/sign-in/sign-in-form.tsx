"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, fieldErrorProps } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { signInAction } from "@/lib/auth/sign-in";
import { useActionMessage } from "@/lib/i18n/use-action-message";

/**
 * A real POST form whose action is a server action: before JavaScript has loaded the browser
 * posts it to this page and gets the page back (with the error, or a redirect once signed
 * in); afterwards React submits it in place with a pending state. No credential ever goes
 * into a URL.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const catalogue = useTranslations();
  const message = useActionMessage();
  const [result, formAction, isPending] = useActionState(signInAction, {});
  const emailError = message.field(result, "email");
  const passwordError = message.field(result, "password");
  // A refused sign-in is about the pair, so it describes both fields; a field's own
  // validation message sits under that field.
  const refusal = result.data?.error;
  const error = refusal && catalogue.has(refusal.key) ? catalogue(refusal.key, refusal.values) : result.serverError;
  const described = error ? { "aria-invalid": true, "aria-describedby": "sign-in-error" } : {};

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="flex flex-col gap-2">
        <Label htmlFor="email">{t("email")}</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={result.data?.email}
          {...described}
          {...fieldErrorProps("email", emailError)}
        />
        <FieldError id="email" message={emailError} />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          {...described}
          {...fieldErrorProps("password", passwordError)}
        />
        <FieldError id="password" message={passwordError} />
      </div>
      {error ? (
        <p
          id="sign-in-error"
          role="alert"
          data-testid="sign-in-error"
          className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive"
        >
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={isPending} aria-disabled={isPending}>
        {isPending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
