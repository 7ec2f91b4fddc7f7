/**
 * The consent's behaviour, one module for every page that shows it: bound by data attributes to
 * the banner, the Cookie settings dialog, the visitor's record and the notice (GOV.UK Frontend's
 * data-module shape), wherever their markup comes from — rendered into this site's pages at build
 * (components/consent/island.ts), or fetched and mounted in a shadow root on another HeyImg page
 * (components/consent/embed.ts). It holds no state of its own: the store is lib/consent/client.ts.
 */
import type {OptionalCategory} from '@/lib/consent/contract';
import {
  consentState,
  forgetConsent,
  getConsent,
  onConsentChange,
  saveConsent,
  type ConsentSetup,
} from '@/lib/consent/client';
import type {ReceiptOutcome} from '@/lib/consent/receipts';
import {ALL_DENIED, ALL_GRANTED, type ConsentStatus} from '@/lib/consent/record';

export interface ConsentUiOptions {
  /** Where the markup lives: the page itself, or the shadow root of a host page's embed. */
  root: Document | ShadowRoot;
  /** The element whose data attributes the CSS reads (data-consent, data-reconsent, data-gpc). */
  stateElement: Element;
  /** The SHA-256 of each published version's text, per language: what the record's version names. */
  textHashes: Record<string, Record<string, string>>;
  /** The consent API, for the visitor's own record (download, deletion). */
  endpoint: string;
  /** Where focus goes once the banner is gone (the page's main content, or nowhere). */
  focusAfterChoice: () => void;
}

const find = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector);

/**
 * Marks the state element the way the boot script does before the first paint: whether a choice is
 * in force, why the banner asks again, and whether the choice is the one Global Privacy Control made
 * (the Cookie settings say so only then).
 */
function showState(element: Element): void {
  const state = consentState();
  element.setAttribute('data-consent', state.status === 'valid' ? 'given' : state.status);
  if (state.status === 'reconsent') element.setAttribute('data-reconsent', state.reason);
  else element.removeAttribute('data-reconsent');
  element.toggleAttribute('data-gpc', getConsent()?.m === 'gpc');
}

/** The page's language, for the server's two-line messages (Japanese first, then English). */
const inPageLanguage = (text: string, lang: string) => text.trim().split('\n')[lang === 'ja' ? 0 : 1] ?? text;

/**
 * Binds the consent UI under `root`; returns what a page's code may ask of it (open the settings,
 * say what the server did with a receipt).
 */
export function bindConsentUi(options: ConsentUiOptions): {
  openPreferences: () => void;
  showFound: (found: ConsentStatus) => void;
  onReceiptOutcome: ConsentSetup['onReceiptOutcome'];
} {
  const {root, stateElement} = options;
  const lang = (stateElement.closest('[lang]') ?? document.documentElement).getAttribute('lang') ?? 'ja';
  const dialog = find<HTMLDialogElement>(root, '[data-module="consent-preferences"]');
  const notice = find<HTMLElement>(root, '[data-module="consent-notice"]');
  const receipt = find<HTMLElement>(root, '.consent-receipt');
  const status = find<HTMLElement>(root, '[data-receipt="status"]');

  /** Opens the notice with a message; an id in it goes in a <code> of its own (it wraps anywhere). */
  function say(message: string, id?: string): void {
    if (!notice) return;
    const [before, after] = id ? message.split('{id}') : [message];
    const code = document.createElement('code');
    code.textContent = id ?? '';
    notice.querySelector('[data-notice-text]')!.replaceChildren(before!, ...(id ? [code, after ?? ''] : []));
    notice.setAttribute('data-open', '');
  }

  /** The visitor's own record in the dialog, filled in from the cookie. */
  function renderReceipt(message = ''): void {
    if (status) status.textContent = message;
    if (!receipt) return;
    const record = getConsent();
    receipt.hidden = !record;
    if (!record) return;
    const field = (name: string) => receipt.querySelector<HTMLElement>(`[data-receipt="${name}"]`)!;
    const {choice, granted, denied, separator} = receipt.dataset;
    const labels = [...root.querySelectorAll<HTMLInputElement>('input[data-category]')].map((input) => ({
      id: input.dataset.category as OptionalCategory,
      label: find(root, `label[for="${input.id}"]`)?.textContent ?? '',
    }));
    field('id').textContent = record.id;
    const time = document.createElement('time');
    time.dateTime = new Date(record.ts).toISOString();
    time.textContent = new Date(record.ts).toLocaleString(lang, {dateStyle: 'long', timeStyle: 'medium'});
    field('ts').replaceChildren(time);
    field('pv').textContent = record.pv;
    field('hash').textContent = options.textHashes[record.pv]?.[record.l] ?? '—';
    field('rf').textContent = record.rf;
    field('choices').textContent = labels
      .map(({id, label}) => choice!.replace('{category}', label).replace('{answer}', record.c[id] ? granted! : denied!))
      .join(separator);
  }

  async function download(): Promise<void> {
    const record = getConsent();
    if (!record || !receipt) return;
    const response = await fetch(`${options.endpoint}/receipts/${record.id}`, {credentials: 'include'}).catch(
      () => null,
    );
    if (!response?.ok)
      return renderReceipt(response?.status === 403 ? receipt.dataset.notYours : receipt.dataset.downloadFailed);
    const blob = await response.blob().catch(() => null);
    if (!blob) return renderReceipt(receipt.dataset.downloadFailed);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `heyimg-consent-${record.id}.json`;
    link.click();
    // Revoked once the browser has surely taken the file (at once, some browsers cancel the download).
    setTimeout(() => URL.revokeObjectURL(link.href), 40_000);
  }

  async function deleteRecord(): Promise<void> {
    const record = getConsent();
    if (!record || !receipt) return;
    const response = await fetch(`${options.endpoint}/receipts/${record.id}`, {
      method: 'DELETE',
      credentials: 'include',
    }).catch(() => null);
    if (response?.ok || response?.status === 403) {
      // 403: this browser cannot prove the record is its own; the server's copy stays, and the
      // visitor is told so — but the choice held here is forgotten as asked, and asked for again.
      forgetConsent();
      showState(stateElement);
      for (const input of switches()) input.checked = false;
      renderReceipt(response.ok ? receipt.dataset.deleted : receipt.dataset.deleteNotYours);
    } else renderReceipt(receipt.dataset.deleteFailed);
    // The button that had focus may be gone with the record: the message is where the reader goes on.
    status?.focus();
  }

  /** The preferences dialog: opened by any [data-consent-open], saved by [data-consent-save]. */
  let opener: HTMLElement | null = null;
  const switches = () => dialog!.querySelectorAll<HTMLInputElement>('input[data-category]');
  const openPreferences = () => {
    if (!dialog) return;
    const active = root.activeElement ?? document.activeElement;
    opener = active instanceof HTMLElement ? active : null;
    const choices = getConsent()?.c ?? ALL_DENIED;
    for (const input of switches()) input.checked = choices[input.dataset.category as OptionalCategory];
    renderReceipt();
    dialog.showModal();
    // From the top, where the description (and a GPC note) are, however it was left.
    dialog.querySelector('.consent-dialog-body')?.scrollTo({top: 0});
  };
  const choose = (choices: typeof ALL_GRANTED, method: 'banner' | 'preferences') =>
    saveConsent(choices, method, () => showState(stateElement));

  if (dialog) {
    dialog.addEventListener('click', (event) => {
      const target = (event.target as Element).closest('button');
      if (target?.hasAttribute('data-consent-close')) dialog.close();
      else if (target?.dataset.consentSave) {
        const which = target.dataset.consentSave;
        const selected = {...ALL_DENIED};
        for (const input of switches()) selected[input.dataset.category as OptionalCategory] = input.checked;
        choose(which === 'all' ? ALL_GRANTED : which === 'none' ? ALL_DENIED : selected, 'preferences');
        dialog.close();
      } else if (target?.hasAttribute('data-consent-delete')) void deleteRecord();
      else if (target?.hasAttribute('data-consent-download')) void download();
    });
    // showModal makes the page inert; Tab still reaches the browser's own controls, so wrap around.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const items = [
        ...dialog.querySelectorAll<HTMLElement>(
          'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
        ),
      ].filter((item) => item.offsetParent !== null);
      const edge = event.shiftKey ? items[0] : items.at(-1);
      if ((root.activeElement ?? document.activeElement) === edge) {
        event.preventDefault();
        (event.shiftKey ? items.at(-1) : items[0])?.focus();
      }
    });
    dialog.addEventListener('close', () => {
      // The opener may be a banner button that the choice just hid; continue from the page then.
      if (opener && opener.isConnected && opener.offsetParent !== null) opener.focus();
      else options.focusAfterChoice();
    });
  }

  root.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('[data-consent-notice-close]') && notice) {
      notice.removeAttribute('data-open');
      notice.querySelector('[data-notice-text]')!.textContent = '';
      // Its button is gone: continue from the page.
      options.focusAfterChoice();
    }
    if (!target.closest('[data-consent-open]') || !dialog) return;
    event.preventDefault();
    openPreferences();
  });
  // The banner's buttons: recorded here instead of posting the form (which stays the no-JS path).
  root.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    const button = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!form.closest('[data-module="consent-banner"]') || !button) return;
    event.preventDefault();
    choose(button.value === 'accept' ? ALL_GRANTED : ALL_DENIED, 'banner');
    // The banner and the focused button are gone: continue from the page, where the reader was.
    options.focusAfterChoice();
  });

  onConsentChange(() => {
    showState(stateElement);
    if (dialog?.open) renderReceipt();
  });

  return {
    openPreferences,
    /**
     * What the store found when the page opened, before Global Privacy Control answered for the
     * visitor: a policy that asks again is still said to them (legal review N21).
     */
    showFound: (found: ConsentStatus) => {
      showState(stateElement);
      const gpc = (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;
      if (gpc && found.status === 'reconsent' && found.reason === 'policy' && notice?.dataset.gpcPolicy)
        say(notice.dataset.gpcPolicy);
    },
    onReceiptOutcome: (outcome: ReceiptOutcome) => {
      if (!notice) return;
      if (outcome.kind === 'renewed') say(notice.dataset.renewed!, outcome.id);
      else say(notice.dataset.refused!.replace('{message}', inPageLanguage(outcome.message, lang)));
      if (dialog?.open) renderReceipt();
    },
  };
}

/**
 * Declared tags of a document, inert until their category is granted: <script type="text/plain"
 * data-category> becomes a real script (vanilla-cookieconsent's shape; an inline one is allowed by
 * the page's CSP hash of its text). Withdrawing cannot unload what already ran.
 */
export function activateGatedScripts(document: Document): void {
  const record = getConsent();
  if (!record) return;
  for (const inert of document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-category]')) {
    if (!record.c[inert.dataset.category as OptionalCategory]) continue;
    const script = document.createElement('script');
    for (const {name, value} of inert.attributes)
      if (name !== 'type' && name !== 'data-category') script.setAttribute(name, value);
    script.text = inert.text;
    inert.replaceWith(script);
  }
}
