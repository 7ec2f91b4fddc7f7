import type {ReactNode} from 'react';

/**
 * The language switch: a plain link to the policy in the other language. With JavaScript the
 * consent island keeps the reader's place (data-module="language-switch"): the current #anchor — or
 * the article being read — and the page (an archived version, a comparison).
 */
export function LanguageSwitchLink({href, hrefLang, children}: {href: string; hrefLang: string; children: ReactNode}) {
  return (
    <a className="language-switch" href={href} hrefLang={hrefLang} lang={hrefLang} data-module="language-switch">
      {children}
    </a>
  );
}
