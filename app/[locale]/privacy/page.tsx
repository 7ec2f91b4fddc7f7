import type {Metadata} from 'next';
import {notFound} from 'next/navigation';
import {hasLocale} from 'next-intl';
import {getTranslations, setRequestLocale} from 'next-intl/server';
import {PolicyView} from '@/components/policy/PolicyView';
import {routing} from '@/i18n/routing';
import {loadPolicy} from '@/lib/policy/load';
import {OPEN_GRAPH_LOCALE, policyAlternates, policyPath} from '@/lib/site';

type Props = {params: Promise<{locale: string}>};

export function generateStaticParams() {
  return routing.locales.map((locale) => ({locale}));
}

export async function generateMetadata({params}: Props): Promise<Metadata> {
  const {locale} = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const {document} = loadPolicy(locale);
  const fm = document.frontmatter!;
  const t = await getTranslations({locale, namespace: 'Metadata'});
  return {
    title: fm.title,
    description: fm.description,
    alternates: {canonical: policyPath(locale), languages: policyAlternates()},
    openGraph: {
      type: 'article',
      siteName: t('siteName'),
      title: fm.title,
      description: fm.description,
      url: policyPath(locale),
      locale: OPEN_GRAPH_LOCALE[locale],
      alternateLocale: routing.locales.filter((l) => l !== locale).map((l) => OPEN_GRAPH_LOCALE[l]),
      ...(fm.lastUpdated ? {modifiedTime: fm.lastUpdated} : {}),
    },
  };
}

export default async function PrivacyPage({params}: Props) {
  const {locale} = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return <PolicyView locale={locale} />;
}
