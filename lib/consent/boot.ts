import {compareVersions} from '../policy/dates';
import {CONSENT_CONTRACT, type ConsentContract} from './contract';
import {consentPolicyAt, evaluateConsent, type ConsentScheduleEntry} from './record';

export interface BootConfig {
  contract: ConsentContract;
  schedule: ConsentScheduleEntry[];
  /** The registry's fingerprint: a choice made under another one is asked again. */
  registry: string;
  /** Google Consent Mode v2: set the defaults (all denied) before any tag can run. */
  gtag: boolean;
  /** The consent island's address (public/assets/consent.<hash>.js). */
  island: string;
}

/**
 * Runs in <head> before the body is painted: marks <html> so CSS shows the banner only to a visitor
 * without a valid choice — at first paint, never for one frame to anyone else, and with no layout
 * shift. Without JavaScript the banner simply stays visible and its form posts to /api/consent.
 * It also loads the consent island, once the page is parsed and painted.
 */
function boot(
  config: BootConfig,
  evaluate: typeof evaluateConsent,
  compare: typeof compareVersions,
  policyAt: typeof consentPolicyAt,
) {
  const root = document.documentElement;
  root.setAttribute('data-js', '');
  let raw: string | null = null;
  for (const part of document.cookie.split('; ')) {
    if (part.indexOf(config.contract.cookie + '=') === 0) {
      try {
        raw = decodeURIComponent(part.slice(config.contract.cookie.length + 1));
      } catch {
        raw = null;
      }
    }
  }
  const now = Date.now();
  const policy = policyAt(config.schedule, config.registry, now);
  const result = evaluate(raw, policy, now, config.contract, compare);
  const gpc = (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;
  // With Global Privacy Control the choice is already made: declined (recorded by the consent island).
  root.setAttribute('data-consent', result.status === 'valid' || gpc ? 'given' : result.status);
  // The Cookie settings say so, while the choice in force is the one it made.
  if (gpc && (result.status !== 'valid' || result.record.m === 'gpc')) root.setAttribute('data-gpc', '');
  // Why the banner asks again, for CSS: the policy changed, or only the list of cookies did.
  if (result.status === 'reconsent') root.setAttribute('data-reconsent', result.reason);
  // The version in force has an earlier one: its changes page exists, and the banner links to it.
  for (let i = 1; i < config.schedule.length; i++) {
    if (config.schedule[i]!.version === policy.version) root.setAttribute('data-policy-changes', '');
  }
  if (config.gtag) {
    const w = window as unknown as {dataLayer: unknown[]; gtag: (...args: unknown[]) => void};
    w.dataLayer = w.dataLayer || [];
    w.gtag = function gtag() {
      // eslint-disable-next-line prefer-rest-params -- gtag's queue expects the arguments object
      w.dataLayer.push(arguments);
    };
    const defaults: Record<string, string | number> = {wait_for_update: 500};
    for (const category of config.contract.optional) {
      for (const signal of config.contract.gtagSignals[category]) defaults[signal] = 'denied';
    }
    w.gtag('consent', 'default', defaults);
  }
  // The island loads once the page is parsed and painted, not as a <script defer>: a deferred script
  // runs in the task that ends the parse, where the browser lays out the whole document, and makes
  // it one long task after the first paint (Total Blocking Time ≈ 130 ms on a mobile profile, where
  // the same page without scripts has ≈ 20; docs/design.md). Until it runs, the banner's form works
  // without it.
  document.addEventListener('DOMContentLoaded', () =>
    window.requestAnimationFrame(() =>
      window.setTimeout(() => {
        const script = document.createElement('script');
        script.src = config.island;
        document.head.appendChild(script);
      }),
    ),
  );
}

export function bootScript(schedule: ConsentScheduleEntry[], registry: string, gtag: boolean, island: string): string {
  const config: BootConfig = {contract: CONSENT_CONTRACT, schedule, registry, gtag, island};
  return `(${boot.toString()})(${JSON.stringify(config)},${evaluateConsent.toString()},${compareVersions.toString()},${consentPolicyAt.toString()})`;
}
