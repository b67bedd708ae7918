"use client";

import { useTranslations } from "next-intl";
import { useAction } from "@/lib/use-action";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { FieldError, fieldErrorProps } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { Role } from "@/lib/generated/prisma/enums";
import { addMemberAction } from "@/lib/team/add-member.action";
import { useActionMessage } from "@/lib/i18n/use-action-message";

const empty = { email: "", name: "", role: "CREATOR" as Role, password: "" };

export function AddMemberForm() {
  const t = useTranslations("team");
  const tc = useTranslations("common");
  const message = useActionMessage();
  const [form, setForm] = useState(empty);
  const { execute, result, isPending } = useAction(addMemberAction, {
    onSuccess: () => {
      toast.success(t("add.added", { email: form.email }));
      setForm(empty); // the form keeps what was typed when adding fails
    },
  });
  const fieldMessage = (name: "email" | "password") => message.field(result, name);

  return (
    <Card className="mt-8">
      <CardHeader>
        <CardTitle>{t("add.title")}</CardTitle>
        <CardDescription>{t("add.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="grid grid-cols-1 gap-4 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            execute(form);
          }}
        >
          <div className="flex flex-col gap-2">
            <Label htmlFor="new-email">{t("add.email")}</Label>
            <Input id="new-email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} {...fieldErrorProps("new-email", fieldMessage("email"))} />
            <FieldError id="new-email" message={fieldMessage("email")} />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="new-name">{t("add.name")}</Label>
            <Input id="new-name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="new-role">{t("add.role")}</Label>
            <Select id="new-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              {Object.values(Role).map((role) => (
                <option key={role} value={role}>
                  {tc(`roles.${role}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="new-password">{t("add.password")}</Label>
            <Input id="new-password" type="password" required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} {...fieldErrorProps("new-password", fieldMessage("password"))} />
            <FieldError id="new-password" message={fieldMessage("password")} />
          </div>
          {result.serverError ? (
            <p role="alert" className="text-sm text-destructive sm:col-span-2">
              {result.serverError}
            </p>
          ) : null}
          <div className="sm:col-span-2">
            <Button type="submit" disabled={isPending}>
              {isPending ? t("add.adding") : t("add.submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
