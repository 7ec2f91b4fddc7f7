import {chromium, type Page} from '@playwright/test';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../tests/support/chromium';
import {median, table} from './lib';

/**
 * What a visitor's one click on the consent costs, from the input to the next paint (Event Timing:
 * the interaction's duration, as INP measures it), on a phone-sized window with the CPU slowed four
 * times (Lighthouse's mobile profile): the banner's 同意する and 拒否する, and 選択を保存 in the
 * Cookie settings. Each run is a new visitor. Nothing here asserts a time: it prints the figures.
 */
const CLICKS = {
  'banner: accept': async (page: Page) => page.locator('#consent-banner button[value="accept"]').click(),
  'banner: decline': async (page: Page) => page.locator('#consent-banner button[value="decline"]').click(),
  'settings: save': async (page: Page) => {
    await page.locator('#consent-banner [data-consent-open]').click();
    await page.locator('dialog[open] input[data-category="analytics"]').check();
    await page.evaluate(() => (window as unknown as {clickEntries: unknown[]}).clickEntries.splice(0));
    await page.locator('dialog[open] [data-consent-save="selected"]').click();
  },
} as const;

/** The longest Event Timing entry of the last interaction (pointerdown, pointerup, click). */
async function interactionDuration(page: Page): Promise<number> {
  await page.waitForTimeout(800);
  return page.evaluate(() => {
    // Event Timing's entries; interactionId groups those of one interaction (not in TypeScript's DOM types yet).
    const entries = (window as unknown as {clickEntries: (PerformanceEntry & {interactionId?: number})[]}).clickEntries;
    const last = Math.max(...entries.map((e) => e.interactionId ?? 0));
    return Math.max(0, ...entries.filter((e) => e.interactionId === last).map((e) => e.duration));
  });
}

export async function clickCost(origin: string, path: string, runs: number) {
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
  const rows: Record<string, string | number>[] = [];
  const medians: Record<string, number> = {};
  try {
    for (const [name, click] of Object.entries(CLICKS)) {
      const durations: number[] = [];
      for (let i = 0; i < runs; i++) {
        const context = await browser.newContext({viewport: {width: 375, height: 740}, deviceScaleFactor: 2});
        const page = await context.newPage();
        await page.addInitScript(() => {
          const entries: PerformanceEntry[] = [];
          (window as unknown as {clickEntries: PerformanceEntry[]}).clickEntries = entries;
          new PerformanceObserver((list) => entries.push(...list.getEntries())).observe({
            type: 'event',
            durationThreshold: 16,
            buffered: true,
          } as PerformanceObserverInit);
        });
        await page.goto(origin + path);
        await page.waitForFunction(() => document.documentElement.hasAttribute('data-island'));
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', {rate: 4});
        await page.waitForTimeout(300);
        await click(page);
        durations.push(await interactionDuration(page));
        await context.close();
      }
      medians[name] = median(durations);
      rows.push({
        click: name,
        'median ms': Math.round(medians[name]!),
        'each run ms': durations.map(Math.round).join(' '),
      });
    }
  } finally {
    await browser.close();
  }
  console.log(`\nThe consent click → next paint, ${path}, 375 px, CPU ×4 (Event Timing, median of ${runs})`);
  table(rows);
  return medians;
}
