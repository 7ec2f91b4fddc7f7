import {SITE_URL} from '@/lib/site';
import type {PageHead as Head} from './head';

/** The tags of a page's <head>: title, description, canonical and hreflang (absolute), Open Graph. */
export function PageHead({head}: {head: Head}) {
  const absolute = (path: string) => SITE_URL + path;
  return (
    <>
      <title>{head.title}</title>
      {head.description ? <meta name="description" content={head.description} /> : null}
      {head.noindex ? <meta name="robots" content="noindex" /> : null}
      {head.canonical ? <link rel="canonical" href={absolute(head.canonical)} /> : null}
      {Object.entries(head.languages ?? {}).map(([language, path]) => (
        <link key={language} rel="alternate" hrefLang={language} href={absolute(path)} />
      ))}
      {head.openGraph ? (
        <>
          <meta property="og:title" content={head.title} />
          {head.description ? <meta property="og:description" content={head.description} /> : null}
          <meta property="og:url" content={absolute(head.openGraph.url)} />
          <meta property="og:site_name" content={head.openGraph.siteName} />
          <meta property="og:locale" content={head.openGraph.locale} />
          {head.openGraph.alternateLocales.map((l) => (
            <meta key={l} property="og:locale:alternate" content={l} />
          ))}
          <meta property="og:type" content="article" />
          {head.openGraph.modifiedTime ? (
            <meta property="article:modified_time" content={head.openGraph.modifiedTime} />
          ) : null}
        </>
      ) : null}
    </>
  );
}
