// Screenshot a page in Debian's chromium, to look at what we build:
//   node scripts/screenshot.mjs URL OUT.png [width=375] [fullPage=1]
// SEL=#article-2 scrolls to an element first; DARK=1 uses the dark colour scheme.
import {chromium} from '@playwright/test';

const [, , url, out, width = '375', full = '1'] = process.argv;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({
  viewport: {width: Number(width), height: 800},
  colorScheme: process.env.DARK ? 'dark' : 'light',
});
await page.goto(url);
if (process.env.SEL)
  await page.locator(process.env.SEL).evaluate((el) => el.scrollIntoView({block: 'start', behavior: 'instant'}));
await page.screenshot({path: out, fullPage: full === '1'});
console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
await browser.close();
