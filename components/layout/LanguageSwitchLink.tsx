'use client';

import type {ReactNode} from 'react';

/**
 * Keeps the reader's place when switching language: anchors are the same in every language, so the
 * current #anchor — or the article being read — is carried over, and so is the page (an archived
 * version, a comparison). Without JavaScript it is a plain link to the policy.
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
        event.currentTarget.href = samePageIn(hrefLang) + anchor;
      }}
    >
      {children}
    </a>
  );
}

/** This page in the other language: Japanese is unprefixed, English under /en. */
function samePageIn(locale: string): string {
  const path = location.pathname.replace(/^\/en(?=\/|$)/, '') || '/';
  return locale === 'en' ? `/en${path === '/' ? '' : path}` : path;
}

function currentArticleAnchor(): string {
  let current = '';
  for (const heading of document.querySelectorAll<HTMLElement>('h2[id^="article-"]')) {
    if (heading.getBoundingClientRect().top > window.innerHeight / 3) break;
    current = `#${heading.id}`;
  }
  return current;
}
