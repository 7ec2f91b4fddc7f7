import type {GetStaticPaths, GetStaticProps} from 'next';
import {createTranslator} from 'next-intl';
import {NotFoundContent} from '@/components/layout/NotFoundContent';
import {localePaths, MESSAGES, staticPage, type StaticPageProps} from '@/components/page/render';
import {isLocale} from '@/i18n/routing';
export {default} from '@/components/page/StaticPage';

// The localized 404, prerendered with no framework runtime. Every unknown path is answered with it,
// status 404 (lib/pages/plan.ts).
export const config = {runtime: 'nodejs', unstable_runtimeJS: false};

export const getStaticPaths: GetStaticPaths = localePaths;

export const getStaticProps: GetStaticProps<StaticPageProps, {locale: string}> = ({params}) => {
  if (!params || !isLocale(params.locale)) return {notFound: true};
  const locale = params.locale;
  const t = createTranslator({locale, messages: MESSAGES[locale], namespace: 'NotFound'});
  return staticPage(locale, {title: t('title'), noindex: true}, <NotFoundContent locale={locale} />);
};
