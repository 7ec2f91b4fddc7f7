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

export interface Target {
  label: string;
  url: string;
}

/**
 * Lighthouse 12 mobile on every target, interleaved (target 1, 2, 3, floor, then again) so that a
 * slow moment of the machine hits all of them alike; medians of `runs` runs, and each target's
 * figures against the floor's (the last target) — the only comparison that holds from one machine
 * or one run to the next.
 */
export async function lighthouseAgainstFloor(targets: Target[], runs: number) {
  const results = new Map<string, Run[]>(targets.map((t) => [t.label, []]));
  for (let i = 0; i < runs; i++) {
    for (const target of targets) results.get(target.label)!.push(await lighthouseOnce(target.url, false));
  }
  const medians = targets.map((target) => {
    const m = (key: keyof Run) => median(results.get(target.label)!.map((r) => r[key]));
    return {
      label: target.label,
      performance: m('performance'),
      tbt: m('tbt'),
      lcp: m('lcp'),
      fcp: m('fcp'),
      cls: m('cls'),
    };
  });
  const floor = medians.at(-1)!;
  const ratio = (value: number, base: number) =>
    base === 0 ? (value === 0 ? '1.00' : '∞') : (value / base).toFixed(2);
  console.log(`\nLighthouse 12.2.3 mobile, interleaved, median of ${runs} (banner showing: fresh profile, no choice)`);
  table(
    medians.map((r) => ({
      page: r.label,
      Performance: r.performance,
      'vs floor': ratio(r.performance, floor.performance),
      'TBT ms': Math.round(r.tbt),
      'TBT vs floor': ratio(r.tbt, floor.tbt),
      'LCP ms': Math.round(r.lcp),
      'LCP vs floor': ratio(r.lcp, floor.lcp),
      CLS: r.cls.toFixed(3),
    })),
  );
  return {medians, floor: floor.label};
}
