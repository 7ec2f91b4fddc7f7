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

const ISLAND = '/assets/consent.0123456789abcdef.js';

/**
 * Runs the boot script against a minimal document, as the browser would in <head>. What it leaves
 * for later (the DOMContentLoaded listener, a frame, a timer) waits in `pending` until `step`.
 */
function runBoot(cookie: string, options: {gpc?: boolean; gtag?: boolean; schedule?: typeof SCHEDULE} = {}) {
  const attributes: Record<string, string> = {};
  const appended: {src: string}[] = [];
  const pending: Record<'DOMContentLoaded' | 'frame' | 'timer', (() => void)[]> = {
    DOMContentLoaded: [],
    frame: [],
    timer: [],
  };
  const window: Record<string, unknown> = {
    requestAnimationFrame: (callback: () => void) => pending.frame.push(callback),
    setTimeout: (callback: () => void) => pending.timer.push(callback),
  };
  const document = {
    cookie,
    documentElement: {setAttribute: (k: string, v: string) => (attributes[k] = v)},
    addEventListener: (event: 'DOMContentLoaded', listener: () => void) => pending[event].push(listener),
    createElement: (tag: string) => ({tag, src: ''}),
    head: {appendChild: (element: {src: string}) => appended.push(element)},
  };
  const navigator = {globalPrivacyControl: options.gpc};
  const script = bootScript(options.schedule ?? SCHEDULE, RF, options.gtag ?? false, ISLAND);
  new Function('window', 'document', 'navigator', script)(window, document, navigator);
  const step = (which: keyof typeof pending) => pending[which].splice(0).forEach((run) => run());
  return {attributes, window, appended, step};
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
  it('loads the island only once the page is parsed and a frame is painted', () => {
    const {appended, step} = runBoot('');
    expect(appended).toEqual([]);
    step('frame');
    step('timer');
    expect(appended).toEqual([]);
    step('DOMContentLoaded');
    expect(appended).toEqual([]);
    step('frame');
    expect(appended).toEqual([]);
    step('timer');
    expect(appended).toEqual([{tag: 'script', src: ISLAND}]);
  });

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
