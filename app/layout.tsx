import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { themeScript } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Avatar Studio", template: "%s · Avatar Studio" },
  description: "Get virtual avatars through Seedance 2.0 asset review and into videos.",
  applicationName: "Avatar Studio",
  manifest: "/manifest.webmanifest",
  icons: { apple: "/icons/apple-touch-icon.png" },
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#4f46e5" };

/**
 * Without JavaScript, React cannot swap streamed content into place: it stays in hidden
 * `<div id="S:n">` blocks at the end of the page while each `loading.tsx` fallback (the element
 * right after its `<template id="B:n">` marker) keeps showing. This style, read only when
 * scripts are off, hides the fallbacks and shows the streamed content, so every page and its
 * plain forms work with JavaScript disabled. The rules sit in the `no-script` cascade layer,
 * declared first in globals.css, as only that lets them outrank Tailwind's `[hidden]` rule.
 */
const noScriptStyle = `<style>@layer no-script{template[id^="B:"]+*{display:none!important}div[hidden][id^="S:"]{display:block!important}}</style>`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-response CSP nonce from proxy.ts, for inline scripts of our own (the theme script).
  // Reading it renders every page per request, as a nonce requires.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // The request's language and zone (lib/auth/request-language.ts); the provider hands the catalogue,
  // the language and the time zone to every client component.
  const locale = await getLocale();
  return (
    <html lang={locale === "zh" ? "zh-CN" : locale} suppressHydrationWarning>
      <body className="min-h-dvh antialiased">
        {/* The theme's class before the first paint (lib/theme.ts). The browser hides a nonce once read. */}
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: themeScript }} />
        <noscript dangerouslySetInnerHTML={{ __html: noScriptStyle }} />
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
