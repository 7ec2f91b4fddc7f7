/**
 * The consent island: the only JavaScript of the site's pages, bound to the server-rendered banner,
 * preferences dialog and receipt by data attributes (GOV.UK Frontend's data-module shape), with
 * event delegation and the native <dialog>. Built by esbuild (scripts/build-assets.ts) from the
 * dependency-free consent modules and js-cookie, and loaded by the boot script once the page is
 * parsed and painted (lib/consent/boot.ts says why), so the document is complete when it starts.
 * Everything it does has a no-JavaScript path: the banner's form posts to /api/consent.
 */
import type {OptionalCategory} from '@/lib/consent/contract';
import {
  CONSENT_CHANGE_EVENT,
  declareTechnologies,
  forgetConsent,
  getConsent,
  initConsent,
  saveConsent,
  type DeclaredTechnology,
} from '@/lib/consent/client';
import {ALL_DENIED, ALL_GRANTED, type ConsentChoices, type ConsentScheduleEntry} from '@/lib/consent/record';

interface IslandConfig {
  schedule: ConsentScheduleEntry[];
  registry: string;
  /** The SHA-256 of each published version's text, per language: what the record's version names. */
  textHashes: Record<string, Record<string, string>>;
}

const json = <T>(element: Element | null): T | null => (element ? (JSON.parse(element.textContent ?? '') as T) : null);

/**
 * Declared third-party tags, inert until their category is granted: <script type="text/plain"
 * data-category> becomes a real script (an inline one is allowed by the CSP hash of its text).
 */
function activateGatedScripts(choices: ConsentChoices | undefined): void {
  if (!choices) return;
  for (const inert of document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-category]')) {
    if (!choices[inert.dataset.category as OptionalCategory]) continue;
    const script = document.createElement('script');
    for (const {name, value} of inert.attributes)
      if (name !== 'type' && name !== 'data-category') script.setAttribute(name, value);
    script.text = inert.text;
    inert.replaceWith(script);
  }
}

/** The preferences dialog: opened by any [data-consent-open], saved by [data-consent-save]. */
function preferences(dialog: HTMLDialogElement) {
  let opener: HTMLElement | null = null;
  const switches = () => dialog.querySelectorAll<HTMLInputElement>('input[data-category]');

  const open = () => {
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const choices = getConsent()?.c ?? ALL_DENIED;
    for (const input of switches()) input.checked = choices[input.dataset.category as OptionalCategory];
    renderReceipt();
    dialog.showModal();
  };
  const save = (which: string) => {
    const selected = {...ALL_DENIED};
    for (const input of switches()) selected[input.dataset.category as OptionalCategory] = input.checked;
    saveConsent(which === 'all' ? ALL_GRANTED : which === 'none' ? ALL_DENIED : selected, 'preferences');
    dialog.close();
  };

  dialog.addEventListener('click', (event) => {
    const target = (event.target as Element).closest('button');
    if (target?.hasAttribute('data-consent-close')) dialog.close();
    else if (target?.dataset.consentSave) save(target.dataset.consentSave);
    else if (target?.hasAttribute('data-consent-delete')) void deleteRecord();
  });
  // showModal makes the page inert; Tab still reaches the browser's own controls, so wrap around.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const items = [
      ...dialog.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled])'),
    ].filter((item) => item.offsetParent !== null);
    const edge = event.shiftKey ? items[0] : items.at(-1);
    if (document.activeElement === edge) {
      event.preventDefault();
      (event.shiftKey ? items.at(-1) : items[0])?.focus();
    }
  });
  dialog.addEventListener('close', () => {
    // The opener may be a banner button that the choice just hid; continue from the page then.
    if (opener && opener.isConnected && opener.offsetParent !== null) opener.focus();
    else document.getElementById('main')?.focus({preventScroll: true});
  });
  return open;
}

let config: IslandConfig;

/** The visitor's own record in the dialog, filled in from the cookie. */
function renderReceipt(message = ''): void {
  const section = document.querySelector<HTMLElement>('.consent-receipt');
  const status = document.querySelector('[data-receipt="status"]');
  if (status) status.textContent = message;
  if (!section) return;
  const record = getConsent();
  section.hidden = !record;
  if (!record) return;
  const field = (name: string) => section.querySelector<HTMLElement>(`[data-receipt="${name}"]`)!;
  const {choice, granted, denied} = section.dataset;
  const labels = [...document.querySelectorAll<HTMLInputElement>('input[data-category]')].map((input) => ({
    id: input.dataset.category as OptionalCategory,
    label: document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '',
  }));
  field('id').textContent = record.id;
  const time = field('ts');
  time.setAttribute('datetime', new Date(record.ts).toISOString());
  time.textContent = new Date(record.ts).toLocaleString(document.documentElement.lang, {
    dateStyle: 'long',
    timeStyle: 'medium',
  });
  field('pv').textContent = record.pv;
  field('hash').textContent = config.textHashes[record.pv]?.[record.l] ?? '—';
  field('rf').textContent = record.rf;
  field('choices').textContent = labels
    .map(({id, label}) => choice!.replace('{category}', label).replace('{answer}', record.c[id] ? granted! : denied!))
    .join(' / ');
  const download = field('download') as HTMLAnchorElement;
  download.href = `/api/consent/receipts/${record.id}`;
  download.download = `heyimg-consent-${record.id}.json`;
}

async function deleteRecord(): Promise<void> {
  const record = getConsent();
  const section = document.querySelector<HTMLElement>('.consent-receipt');
  if (!record || !section) return;
  const response = await fetch(`/api/consent/receipts/${record.id}`, {method: 'DELETE'}).catch(() => null);
  if (!response?.ok) return renderReceipt(section.dataset.deleteFailed);
  forgetConsent();
  renderReceipt(section.dataset.deleted);
}

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
  const loaded = json<IslandConfig>(document.querySelector('script[data-consent-config]'));
  if (!loaded) return;
  config = loaded;
  for (const block of document.querySelectorAll('script[data-consent-declared]'))
    declareTechnologies(json<DeclaredTechnology[]>(block) ?? []);
  initConsent(config.schedule, config.registry);
  activateGatedScripts(getConsent()?.c);
  window.addEventListener(CONSENT_CHANGE_EVENT, () => activateGatedScripts(getConsent()?.c));

  const dialog = document.querySelector<HTMLDialogElement>('[data-module="consent-preferences"]');
  const openPreferences = dialog ? preferences(dialog) : null;
  document.addEventListener('click', (event) => {
    const opener = (event.target as Element).closest('[data-consent-open]');
    if (!opener || !openPreferences) return;
    event.preventDefault();
    openPreferences();
  });
  // The banner's buttons: recorded here instead of posting the form (which stays the no-JS path).
  document.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    const button = event.submitter as HTMLButtonElement | null;
    if (!form.closest('[data-module="consent-banner"]') || !button) return;
    event.preventDefault();
    saveConsent(button.value === 'accept' ? ALL_GRANTED : ALL_DENIED, 'banner');
    // The banner and the focused button are gone: continue from the page, where the reader was.
    document.getElementById('main')?.focus({preventScroll: true});
  });
  // Bound: tests and the site's code can tell the island is listening.
  root.setAttribute('data-island', '');
}

start();
