import {chromium} from '@playwright/test';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../tests/support/chromium';
import {median, table} from './lib';

/**
 * For a visitor without a choice: when the banner first becomes visible, measured against first
 * contentful paint (a gap of 0 or less: it is there at FCP), with 4× CPU slowdown like a phone.
 */
export async function bannerAtFirstPaint(origin: string, paths: string[], runs: number) {
  const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
  const rows = [];
  for (const pagePath of paths) {
    const gaps: number[] = [];
    const fcps: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({viewport: {width: 375, height: 740}});
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', {rate: 4});
      // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
      await page.addInitScript(`(() => {
        const sample = () => {
          const el = document.getElementById('consent-banner');
          if (el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).display !== 'none') window.bannerVisibleAt = performance.now();
          else requestAnimationFrame(sample);
        };
        requestAnimationFrame(sample);
      })()`);
      await page.goto(origin + pagePath, {waitUntil: 'load'});
      await page.waitForFunction(() => (window as unknown as {bannerVisibleAt?: number}).bannerVisibleAt !== undefined);
      const {fcp, visible} = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        visible: (window as unknown as {bannerVisibleAt: number}).bannerVisibleAt,
      }));
      // rAF runs just before a frame is painted: the first frame that shows the banner.
      gaps.push(Math.max(0, visible - fcp));
      fcps.push(fcp);
      await context.close();
    }
    rows.push({
      page: pagePath,
      runs,
      'FCP ms (median)': Math.round(median(fcps)),
      'banner visible after FCP, ms (median)': Math.round(median(gaps)),
      'max ms': Math.round(Math.max(...gaps)),
    });
  }
  await browser.close();
  console.log('\nConsent banner vs first contentful paint (375 px, CPU ×4)');
  table(rows);
  return rows;
}
