import {NextIntlClientProvider} from 'next-intl';
import type {ReactNode} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {routing, type Locale} from '@/i18n/routing';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import type {PageHead} from './head';

export const MESSAGES = {ja, en} as const;

/**
 * The strings of the site's components, for one language. Rendering happens only on the server (at
 * build): the provider never reaches a browser, so no message is sent twice.
 */
export function Intl({locale, children}: {locale: Locale; children: ReactNode}) {
  return (
    <NextIntlClientProvider locale={locale} messages={MESSAGES[locale]} timeZone="Asia/Tokyo">
      {children}
    </NextIntlClientProvider>
  );
}

/** What every public page's getStaticProps returns: its language, its <head> and its content as HTML. */
export interface StaticPageProps {
  locale: Locale;
  head: PageHead;
  /** The page's content, rendered once by React on the server: the browser gets HTML, nothing to hydrate. */
  html: string;
}

/** A page's props: its content rendered by the site's React components into static HTML. */
export function staticPage(locale: Locale, head: PageHead, content: ReactNode): {props: StaticPageProps} {
  return {props: {locale, head, html: renderToStaticMarkup(<Intl locale={locale}>{content}</Intl>)}};
}

/** A page prerendered once per language: pages/[locale]/…. */
export const localePaths = () => ({paths: routing.locales.map((locale) => ({params: {locale}})), fallback: false});
