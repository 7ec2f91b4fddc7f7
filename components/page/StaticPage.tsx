import type {StaticPageProps} from './render';

/**
 * Every public page's component: the content its getStaticProps rendered. The pages ship no
 * framework runtime (config.unstable_runtimeJS = false), so this runs only at build.
 */
export default function StaticPage({html}: StaticPageProps) {
  return <div className="page" dangerouslySetInnerHTML={{__html: html}} />;
}
