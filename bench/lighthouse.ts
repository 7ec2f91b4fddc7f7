import {readFileSync} from 'node:fs';
import path from 'node:path';
import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../tests/support/chromium';
import {median, run, scratchDir, table} from './lib';

/**
 * Lighthouse reads its Chrome flags as one string split on spaces (yargs-parser): a value with
 * spaces (the host resolver rules) goes in double quotes.
 */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS]
  .map((flag) => flag.replace(/^(--[^=]+=)(.* .*)$/, '$1"$2"'))
  .join(' ');

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
  const out = path.join(scratchDir('lh-'), 'report.json');
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

export interface Medians {
  label: string;
  performance: number;
  tbt: number;
  lcp: number;
  fcp: number;
  cls: number;
}

/**
 * Lighthouse 12 mobile on every target, interleaved (each target once, then again) so that a slow
 * moment of the machine hits all of them alike; medians of `runs` runs. Each target is printed
 * beside the floor (a bare Next page of the same text) and the limit (the same HTML with no
 * script, from nginx) — the only comparisons that hold from one machine or one run to the next.
 */
export async function lighthouseSideBySide(
  targets: Target[],
  runs: number,
  compare: {floor: string; limit: string} | null,
) {
  const results = new Map<string, Run[]>(targets.map((t) => [t.label, []]));
  for (let i = 0; i < runs; i++) {
    for (const target of targets) results.get(target.label)!.push(await lighthouseOnce(target.url, false));
  }
  const medians: Medians[] = targets.map((target) => {
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
  const floor = compare && medians.find((m) => m.label === compare.floor)!;
  const limit = compare && medians.find((m) => m.label === compare.limit)!;
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  console.log(`\nLighthouse 12.2.3 mobile, interleaved, median of ${runs} (banner showing: fresh profile, no choice)`);
  table(
    medians.map((r) => ({
      page: r.label,
      Performance: r.performance,
      ...(floor && limit
        ? {'vs floor': signed(r.performance - floor.performance), 'vs limit': signed(r.performance - limit.performance)}
        : {}),
      'TBT ms': Math.round(r.tbt),
      'LCP ms': Math.round(r.lcp),
      'FCP ms': Math.round(r.fcp),
      CLS: r.cls.toFixed(3),
    })),
  );
  if (compare) console.log('  goal for every page: Performance ≥ limit − 3 and ≥ floor + 10; TBT ≤ 50 ms; CLS 0');
  return {medians};
}
