import { z } from "zod";
import { messageKey } from "@/lib/i18n/message-key";

/** A provider base URL: http(s), no user name or password, no query or fragment (the paths are ours). */
const baseUrlSchema = z
  .url({ protocol: /^https?$/, error: messageKey("validation.httpUrlRequired") })
  .refine((v) => {
    const url = new URL(v);
    return !url.username && !url.password;
  }, messageKey("validation.urlHasCredentials"))
  .refine((v) => !/[?#]/.test(v), messageKey("validation.baseUrlNoQuery"));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v));

export const saveProviderSettingsSchema = z.object({
  /** Empty: use the environment's. */
  baseUrl: optionalText(2048).pipe(baseUrlSchema.nullable()),
  /** Empty: keep the saved key. */
  apiKey: optionalText(500),
  clearApiKey: z.boolean().default(false),
  /** One model id per line or comma-separated; empty: the environment's list. */
  models: z
    .string()
    .max(4000)
    .transform((v) => [...new Set(v.split(/[\n,]/).map((s) => s.trim()).filter(Boolean))]),
  projectName: optionalText(255),
});

export const testConnectionSchema = z.object({
  /** Test what is typed before saving it; empty fields fall back to what is saved. */
  baseUrl: optionalText(2048).pipe(baseUrlSchema.nullable()),
  apiKey: optionalText(500),
});
