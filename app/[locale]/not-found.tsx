import {getLocale} from 'next-intl/server';
import {NotFoundContent} from '@/components/layout/NotFoundContent';
import {isLocale, routing} from '@/i18n/routing';

// Rendered where a page calls notFound(); unknown paths get page-not-found through proxy.ts.
export default async function NotFound() {
  const locale = await getLocale();
  return <NotFoundContent locale={isLocale(locale) ? locale : routing.defaultLocale} />;
}
