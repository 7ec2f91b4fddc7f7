/**
 * The consent on any HeyImg page: one script tag (README, "Add the consent to another HeyImg
 * page"), served by this site at a versioned, immutable address with its SRI hash. It renders the
 * same banner and Cookie settings as this site's pages — the same markup, rendered by the same
 * components at build, fetched as data with the strings and the registry — into a shadow root, so
 * the host page's CSS and the consent's never meet; it binds the same behaviour module (ui.ts) to
 * them; and it answers the host page's code through `window.HeyImgConsent` and the
 * `heyimg:consentchange` event, gates its tags (<script type="text/plain" data-category>) and
 * sends every choice's receipt to this site's API.
 *
 * It runs in two steps. At once, as the host page is parsed (the tag sits in <head>, before any
 * other tag): Google Consent Mode's defaults, all denied, and the API — which grants nothing until
 * the choice is known. Then, with its data: the choice in the shared cookie checked against the
 * policy in force, the banner if one is needed, the tags that are granted.
 */
import {CONSENT_CONTRACT} from '@/lib/consent/contract';
import {declareTechnologies, initConsent, onConsentChange} from '@/lib/consent/client';
import {consentPolicyAt} from '@/lib/consent/record';
import {embedDataPath, type EmbedData} from './embed-data';
import {publishConsentApi} from './public-api';
import {activateGatedScripts, bindConsentUi} from './ui';

const script = document.currentScript as HTMLScriptElement | null;
const siteOrigin = new URL(script?.src ?? location.href).origin;

/** Google Consent Mode v2: every signal denied before any tag of the page runs (opt out: data-google-consent-mode="off"). */
function consentModeDefaults(): void {
  if (script?.dataset.googleConsentMode === 'off') return;
  const w = window as unknown as {dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void};
  w.dataLayer = w.dataLayer || [];
  w.gtag ||= function gtag() {
    // eslint-disable-next-line prefer-rest-params -- gtag's queue expects the arguments object
    w.dataLayer!.push(arguments);
  };
  const defaults: Record<string, string | number> = {wait_for_update: 500};
  for (const category of CONSENT_CONTRACT.optional)
    for (const signal of CONSENT_CONTRACT.gtagSignals[category]) defaults[signal] = 'denied';
  w.gtag('consent', 'default', defaults);
}

/** The host page's language, as this site has it: Japanese unless the page says English. */
function pageLocale(): 'ja' | 'en' {
  const lang = (script?.dataset.lang || document.documentElement.lang || 'ja').toLowerCase();
  return lang.startsWith('en') ? 'en' : 'ja';
}

/**
 * The consent's own tree, under an element of its own at the end of the page, in a shadow root:
 * the host page's stylesheets do not reach in, and its own styles (adopted, not a <style> the
 * host's CSP would have to allow) do not reach out.
 */
function mount(data: EmbedData, locale: string): {shadow: ShadowRoot; state: HTMLElement} {
  const host = document.createElement('heyimg-consent');
  const shadow = host.attachShadow({mode: 'open'});
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(data.css);
  shadow.adoptedStyleSheets = [sheet];
  const state = document.createElement('div');
  state.className = 'consent-root';
  state.lang = locale;
  state.setAttribute('data-js', '');
  state.innerHTML = data.markup;
  // The markup's links are paths of this site.
  for (const link of state.querySelectorAll<HTMLAnchorElement>('a[href^="/"]:not([href^="//"])'))
    link.href = siteOrigin + link.getAttribute('href');
  for (const form of state.querySelectorAll<HTMLFormElement>('form[action^="/"]'))
    form.action = siteOrigin + form.getAttribute('action');
  shadow.append(state);
  document.body.append(host);
  // The banner and the notice sit over the page's foot: the embed's own root (in the page's flow, at
  // its end) keeps their height free, so that the page's last lines can always be scrolled into view.
  const covering = [...state.querySelectorAll<HTMLElement>('.consent-banner, .consent-notice')];
  const keepFree = new ResizeObserver(() => {
    state.style.minHeight = `${Math.max(...covering.map((element) => element.offsetHeight))}px`;
  });
  for (const element of covering) keepFree.observe(element);
  return {shadow, state};
}

async function start(show: {open: () => void}, ready: () => void): Promise<void> {
  const locale = pageLocale();
  const response = await fetch(siteOrigin + embedDataPath(locale), {credentials: 'omit'});
  if (!response.ok) throw new Error(`${response.status} ${response.url}`);
  const data = (await response.json()) as EmbedData;
  if (document.readyState === 'loading')
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, {once: true}));
  const {shadow, state} = mount(data, locale);
  const {config} = data;
  // The changes page exists only when the version in force has an earlier one.
  const policy = consentPolicyAt(config.schedule, config.registry, Date.now());
  if (config.schedule.findIndex((entry) => entry.version === policy.version) > 0)
    state.setAttribute('data-policy-changes', '');
  if ((navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true)
    state.setAttribute('data-gpc', '');
  declareTechnologies(data.declared);
  const endpoint = `${siteOrigin}/api/consent`;
  const ui = bindConsentUi({
    root: shadow,
    stateElement: state,
    textHashes: config.textHashes,
    endpoint,
    // The banner is gone: the host page's focus is its own business.
    focusAfterChoice: () => (shadow.activeElement as HTMLElement | null)?.blur(),
  });
  show.open = ui.openPreferences;
  const found = initConsent({
    schedule: config.schedule,
    registry: config.registry,
    cookieDomain: config.cookieDomain,
    endpoint,
    locale,
    onReceiptOutcome: ui.onReceiptOutcome,
  });
  ui.showFound(found);
  activateGatedScripts(document);
  onConsentChange(() => activateGatedScripts(document));
  // The host page's own links and buttons open the settings too: <a data-consent-open>.
  document.addEventListener('click', (event) => {
    if (!(event.target as Element).closest('[data-consent-open]')) return;
    event.preventDefault();
    ui.openPreferences();
  });
  ready();
}

consentModeDefaults();
const show = {open: () => {}};
const ready = publishConsentApi(() => show.open());
start(show, ready).catch((error: unknown) => {
  // Nothing is granted without the data; the page works on, and its developers see why.
  console.error('[HeyImg consent] could not start:', error);
});
