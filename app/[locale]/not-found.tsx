import {getLocale} from 'next-intl/server';
import {NotFoundContent} from '@/components/layout/NotFoundContent';

// Rendered where a page calls notFound(); unknown paths get page-not-found through proxy.ts.
export default async function NotFound() {
  return <NotFoundContent locale={await getLocale()} />;
}
