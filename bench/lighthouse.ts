import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../tests/support/chromium';
import {median, run, table} from './lib';

const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS].join(' ');

interface Run {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  cls: number;
  fcp: number;
  lcp: number;
  tbt: number;
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART); such a run is repeated. */
async function lighthouseOnce(url: string, desktop: boolean, attempts = 3): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseRun(url, desktop);
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

async function lighthouseRun(url: string, desktop: boolean): Promise<Run> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'lh-')), 'report.json');
  await run(
    'npx',
    [
      'lighthouse',
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      ...(desktop ? ['--preset=desktop'] : []),
    ],
    {CHROME_PATH: CHROMIUM_PATH},
  );
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    cls: audit('cumulative-layout-shift'),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
  };
}

/** Lighthouse 12, mobile (default) and desktop, median of `runs` runs per page. */
export async function lighthouse(origin: string, paths: string[], runs: number) {
  const rows = [];
  for (const pagePath of paths) {
    for (const desktop of [false, true]) {
      const results: Run[] = [];
      for (let i = 0; i < runs; i++) results.push(await lighthouseOnce(origin + pagePath, desktop));
      const m = (key: keyof Run) => median(results.map((r) => r[key]));
      rows.push({
        page: pagePath,
        preset: desktop ? 'desktop' : 'mobile',
        runs,
        performance: m('performance'),
        accessibility: m('accessibility'),
        'best-practices': m('bestPractices'),
        seo: m('seo'),
        CLS: m('cls').toFixed(3),
        'FCP ms': Math.round(m('fcp')),
        'LCP ms': Math.round(m('lcp')),
        'TBT ms': Math.round(m('tbt')),
      });
    }
  }
  console.log('\nLighthouse 12 (median; the consent banner is showing: fresh profile, no choice)');
  table(rows);
  return rows;
}
