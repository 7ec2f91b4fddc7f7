import type {GetStaticProps} from 'next';
import {staticPage, type StaticPageProps} from '@/components/page/render';
export {default} from '@/components/page/StaticPage';

// Reached only for requests the site does not localise (lib/pages/plan.ts answers unknown pages with
// the localized page-not-found): both languages, no framework runtime.
export const config = {runtime: 'nodejs', unstable_runtimeJS: false};

export const getStaticProps: GetStaticProps<StaticPageProps> = () =>
  staticPage(
    'ja',
    {title: 'ページが見つかりません / Page not found', noindex: true},
    <div className="not-found">
      <h1>ページが見つかりません / Page not found</h1>
      <p>
        <a href="/privacy">プライバシーポリシー</a> · <a href="/en/privacy">Privacy Policy</a>
      </p>
    </div>,
  );
