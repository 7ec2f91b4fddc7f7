import {CONSENT_COOKIE} from './categories';
import {consentStatus, type ConsentPolicy} from './record';

export interface BootConfig {
  cookie: string;
  policy: ConsentPolicy;
  /** Google Consent Mode v2: set the defaults (all denied) before any tag can run. */
  gtag: boolean;
}

/**
 * Runs in <head> before the body is painted: marks <html> so CSS shows the banner only to a visitor
 * without a valid choice — at first paint, never for one frame to anyone else, and with no layout
 * shift. Without JavaScript the banner simply stays visible and its form posts to /api/consent.
 */
function boot(config: BootConfig, status: typeof consentStatus) {
  const root = document.documentElement;
  root.setAttribute('data-js', '');
  let raw: string | null = null;
  for (const part of document.cookie.split('; ')) {
    if (part.indexOf(config.cookie + '=') === 0) {
      try {
        raw = decodeURIComponent(part.slice(config.cookie.length + 1));
      } catch {
        raw = null;
      }
    }
  }
  const result = status(raw, config.policy, Date.now()).status;
  const gpc = (navigator as Navigator & {globalPrivacyControl?: boolean}).globalPrivacyControl === true;
  // With Global Privacy Control the choice is already made: declined (recorded after hydration).
  root.setAttribute('data-consent', result === 'valid' || gpc ? 'given' : result);
  if (config.gtag) {
    const w = window as unknown as {dataLayer: unknown[]; gtag: (...args: unknown[]) => void};
    w.dataLayer = w.dataLayer || [];
    w.gtag = function gtag() {
      // eslint-disable-next-line prefer-rest-params -- gtag's queue expects the arguments object
      w.dataLayer.push(arguments);
    };
    w.gtag('consent', 'default', {
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      wait_for_update: 500,
    });
  }
}

export function bootScript(policy: ConsentPolicy, gtag: boolean): string {
  const config: BootConfig = {cookie: CONSENT_COOKIE, policy, gtag};
  return `(${boot.toString()})(${JSON.stringify(config)},${consentStatus.toString()})`;
}
