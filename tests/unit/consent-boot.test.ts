import {describe, expect, it} from 'vitest';
import {bootScript} from '@/lib/consent/boot';

const RF = '0123456789abcdef';

const SCHEDULE = [
  {version: '1.0.0', effective: null, reconsent: false},
  {version: '1.1.0', effective: Date.UTC(2026, 0, 1), reconsent: true},
  {version: '1.2.0', effective: Date.UTC(2026, 5, 1), reconsent: false},
  // Upcoming: not in force until 2099, so the boot script must not ask for it yet.
  {version: '1.3.0', effective: Date.UTC(2099, 0, 1), reconsent: true},
];

/** Runs the boot script against a minimal document, as the browser would in <head>. */
function runBoot(cookie: string, options: {gpc?: boolean; gtag?: boolean; schedule?: typeof SCHEDULE} = {}) {
  const attributes: Record<string, string> = {};
  const window: Record<string, unknown> = {};
  const document = {cookie, documentElement: {setAttribute: (k: string, v: string) => (attributes[k] = v)}};
  const navigator = {globalPrivacyControl: options.gpc};
  new Function('window', 'document', 'navigator', bootScript(options.schedule ?? SCHEDULE, RF, options.gtag ?? false))(
    window,
    document,
    navigator,
  );
  return {attributes, window};
}

const record = (pv: string) =>
  encodeURIComponent(
    JSON.stringify({
      v: 2,
      id: 'a'.repeat(32),
      ts: Date.now() - 1000,
      pv,
      l: 'ja',
      rf: RF,
      c: {analytics: true, advertising: false},
      m: 'banner',
    }),
  );

describe('boot script (before first paint)', () => {
  it('marks a visitor without a choice, so CSS shows the banner', () => {
    expect(runBoot('').attributes).toEqual({'data-js': '', 'data-consent': 'missing', 'data-policy-changes': ''});
    expect(runBoot('other=1; heyimg_consent=%E0%A4%A').attributes['data-consent']).toBe('missing');
  });

  it('marks a valid choice as given, and an outdated one for re-consent', () => {
    expect(runBoot(`a=1; heyimg_consent=${record('1.2.0')}`).attributes['data-consent']).toBe('given');
    expect(runBoot(`heyimg_consent=${record('1.0.0')}`).attributes['data-consent']).toBe('reconsent');
  });

  it('marks why it asks again: the policy, or only the registry (the banner says which)', () => {
    expect(runBoot(`heyimg_consent=${record('1.0.0')}`).attributes['data-reconsent']).toBe('policy');
    const otherRegistry = record('1.2.0').replace(RF, 'fedcba9876543210');
    expect(runBoot(`heyimg_consent=${otherRegistry}`).attributes).toMatchObject({
      'data-consent': 'reconsent',
      'data-reconsent': 'registry',
    });
    expect(runBoot(`heyimg_consent=${record('1.2.0')}`).attributes['data-reconsent']).toBeUndefined();
  });

  it('marks whether the version in force has an earlier one, whose changes the banner links', () => {
    // 1.2.0 is in force (after 1.0.0 and 1.1.0): its changes page exists.
    expect(runBoot('').attributes['data-policy-changes']).toBe('');
    expect(runBoot('', {schedule: SCHEDULE.slice(0, 1)}).attributes['data-policy-changes']).toBeUndefined();
  });

  it('treats Global Privacy Control as a choice already made', () => {
    expect(runBoot('', {gpc: true}).attributes['data-consent']).toBe('given');
  });

  it('sets Google Consent Mode v2 defaults to denied when a gtag is configured', () => {
    const {window} = runBoot('', {gtag: true});
    const calls = (window.dataLayer as IArguments[]).map((args) => [...args]);
    expect(calls).toEqual([
      [
        'consent',
        'default',
        {
          ad_storage: 'denied',
          ad_user_data: 'denied',
          ad_personalization: 'denied',
          analytics_storage: 'denied',
          wait_for_update: 500,
        },
      ],
    ]);
    expect(runBoot('').window.dataLayer).toBeUndefined();
  });
});
