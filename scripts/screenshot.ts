// Screenshot a page in Debian's chromium, to look at what we build:
//   npx tsx scripts/screenshot.ts URL OUT.png [width=375] [fullPage=1]
// SEL=#article-2 scrolls to an element first; DARK=1 uses the dark colour scheme; CLICK=selector
// clicks an element first (once the consent island is bound), e.g. CLICK='#consent-banner .consent-settings'.
import {chromium} from '@playwright/test';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../tests/support/chromium';

const [, , url, out, width = '375', full = '1'] = process.argv;
if (!url || !out) {
  console.error('usage: npx tsx scripts/screenshot.ts URL OUT.png [width] [fullPage 1|0]');
  process.exit(2);
}
const browser = await chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS});
const page = await browser.newPage({
  viewport: {width: Number(width), height: 800},
  colorScheme: process.env.DARK ? 'dark' : 'light',
});
await page.goto(url);
if (process.env.SEL) {
  await page.locator(process.env.SEL).evaluate((el) => el.scrollIntoView({block: 'start', behavior: 'instant'}));
}
if (process.env.CLICK) {
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-island'));
  await page.locator(process.env.CLICK).click();
  await page.getByRole('dialog').waitFor();
}
await page.screenshot({path: out, fullPage: full === '1'});
console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
await browser.close();
