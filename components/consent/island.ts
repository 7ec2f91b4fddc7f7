/**
 * The consent island: the only JavaScript of the site's pages, built by esbuild
 * (scripts/build-assets.ts) from the dependency-free consent modules and js-cookie, and loaded by
 * the boot script once the page is parsed and painted (lib/consent/boot.ts says why), so the
 * document is complete when it starts. It binds the behaviour module (ui.ts) to the banner, the
 * dialog and the record that the build rendered into the page, with the data the build put beside
 * them; a HeyImg page elsewhere gets the same module from the embed (embed.ts). Everything it does
 * has a no-JavaScript path: the banner's form posts to /api/consent.
 */
import {declareTechnologies, initConsent, onConsentChange, type DeclaredTechnology} from '@/lib/consent/client';
import type {ConsentScheduleEntry} from '@/lib/consent/record';
import {publishConsentApi} from './public-api';
import {activateGatedScripts, bindConsentUi} from './ui';

/** What the build puts in the page for the island (components/consent/Consent.tsx). */
export interface IslandConfig {
  schedule: ConsentScheduleEntry[];
  registry: string;
  /** The SHA-256 of each published version's text, per language: what the record's version names. */
  textHashes: Record<string, Record<string, string>>;
  cookieDomain: string | null;
}

const json = <T>(element: Element | null): T | null => (element ? (JSON.parse(element.textContent ?? '') as T) : null);

/**
 * The language switch keeps the reader's place: anchors are the same in every language, so the
 * current #anchor — or the article being read — is carried over, and so is the page.
 */
function languageSwitch(link: HTMLAnchorElement): void {
  link.addEventListener('click', () => {
    const path = location.pathname.replace(/^\/en(?=\/|$)/, '') || '/';
    const target = link.hreflang === 'en' ? `/en${path === '/' ? '' : path}` : path;
    link.href = target + (location.hash || currentArticleAnchor());
  });
}

function currentArticleAnchor(): string {
  let current = '';
  for (const heading of document.querySelectorAll<HTMLElement>('h2[id^="article-"]')) {
    if (heading.getBoundingClientRect().top > window.innerHeight / 3) break;
    current = `#${heading.id}`;
  }
  return current;
}

function start(): void {
  const root = document.documentElement;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-module="language-switch"]'))
    languageSwitch(link);
  const config = json<IslandConfig>(document.querySelector('script[data-consent-config]'));
  if (!config) return;
  for (const block of document.querySelectorAll('script[data-consent-declared]'))
    declareTechnologies(json<DeclaredTechnology[]>(block) ?? []);
  const endpoint = '/api/consent';
  const ui = bindConsentUi({
    root: document,
    stateElement: root,
    textHashes: config.textHashes,
    endpoint,
    focusAfterChoice: () => document.getElementById('main')?.focus({preventScroll: true}),
  });
  const ready = publishConsentApi(ui.openPreferences);
  const found = initConsent({
    schedule: config.schedule,
    registry: config.registry,
    cookieDomain: config.cookieDomain,
    endpoint,
    locale: root.lang,
    onReceiptOutcome: ui.onReceiptOutcome,
  });
  ui.showFound(found);
  activateGatedScripts(document);
  onConsentChange(() => activateGatedScripts(document));
  ready();
  // Bound: tests and the site's code can tell the island is listening.
  root.setAttribute('data-island', '');
}

start();
