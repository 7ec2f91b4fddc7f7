'use client';

import type {ReactNode} from 'react';

/**
 * Keeps the reader's place when switching language: anchors are the same in every language, so the
 * current #anchor — or the article being read — is carried over. Without JavaScript it is a plain link.
 */
export function LanguageSwitchLink({href, hrefLang, children}: {href: string; hrefLang: string; children: ReactNode}) {
  return (
    <a
      className="language-switch"
      href={href}
      hrefLang={hrefLang}
      lang={hrefLang}
      onClick={(event) => {
        const anchor = location.hash || currentArticleAnchor();
        if (anchor) event.currentTarget.href = href + anchor;
      }}
    >
      {children}
    </a>
  );
}

function currentArticleAnchor(): string {
  let current = '';
  for (const heading of document.querySelectorAll<HTMLElement>('h2[id^="article-"]')) {
    if (heading.getBoundingClientRect().top > window.innerHeight / 3) break;
    current = `#${heading.id}`;
  }
  return current;
}
