import '@/app/globals.css';
import type {Metadata, Viewport} from 'next';
import {notFound} from 'next/navigation';
import {setRequestLocale} from 'next-intl/server';
import type {ReactNode} from 'react';
import {Consent} from '@/components/consent/Consent';
import {SiteFooter} from '@/components/layout/SiteFooter';
import {SiteHeader} from '@/components/layout/SiteHeader';
import {isLocale, routing} from '@/i18n/routing';
import {bootScript} from '@/lib/consent/boot';
import {consentSchedule, GTAG_ID, REGISTRY_FINGERPRINT} from '@/lib/consent/server';
import {SITE_URL} from '@/lib/site';

export const metadata: Metadata = {metadataBase: new URL(SITE_URL)};

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    {media: '(prefers-color-scheme: light)', color: '#ffffff'},
    {media: '(prefers-color-scheme: dark)', color: '#16181d'},
  ],
};

export function generateStaticParams() {
  return routing.locales.map((locale) => ({locale}));
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{locale: string}>;
}) {
  const {locale} = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    // The boot script sets data-js and data-consent on <html> before hydration.
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script
          dangerouslySetInnerHTML={{__html: bootScript(consentSchedule(), REGISTRY_FINGERPRINT, GTAG_ID !== '')}}
        />
      </head>
      <body>
        {/* No i18n runtime reaches the client: client leaves get their strings as props. */}
        <SiteHeader locale={locale} />
        {/* First in reading and focus order, shown at the bottom of the screen (CSS order). */}
        <Consent locale={locale} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
