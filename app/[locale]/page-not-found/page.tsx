import {setRequestLocale} from 'next-intl/server';
import {NotFoundContent} from '@/components/layout/NotFoundContent';
import {routing, type Locale} from '@/i18n/routing';

// The localized 404, prerendered so its inline scripts can be hashed for the CSP. proxy.ts
// rewrites every unknown path here with status 404.
export function generateStaticParams() {
  return routing.locales.map((locale) => ({locale}));
}

export default async function PageNotFound({params}: {params: Promise<{locale: Locale}>}) {
  const {locale} = await params;
  setRequestLocale(locale);
  return <NotFoundContent locale={locale} />;
}
