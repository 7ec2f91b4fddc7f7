// npm run bench: prints every figure of the performance budget in one run. It asserts nothing
// about time; BENCH_QUICK=1 shortens every part for a smoke run.
import {cpSync, mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {cookieFlood, hostileBatch} from './hostile';
import {kb, run, scratchDir, startNext, table} from './lib';
import {clickCost} from './click';
import {embedCost} from './embed';
import {bannerAtFirstPaint} from './first-paint';
import {lighthouseSideBySide} from './lighthouse';
import {startLimit} from './limit';
import {logAtScale, receiptsBench, writeCost} from './receipts';
import {exportAtScale, firstReceiptLatency} from './store-scale';
import {throughputSideBySide} from './throughput';
import {pageWeight, printWeight, type PageWeight} from './weight';

const QUICK = process.env.BENCH_QUICK === '1';
const PORT = 3400;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const FLOOR_PORT = PORT + 2;
const FLOOR_ORIGIN = `http://127.0.0.1:${FLOOR_PORT}`;
const LIMIT_PORT = PORT + 3;
/** The e2e tests' host page (another HeyImg page) for the embed's cost, on app.heyimg.test. */
const HOST_PAGE_PORT = PORT + 5;
/**
 * One consent for every HeyImg site, as the e2e tests run it: the cookie's Domain is written into
 * the build (every server of the bench starts with the same, or refuses to), and the host page's
 * origin may call the consent routes. Every child process inherits both.
 */
process.env.CONSENT_COOKIE_DOMAIN = 'heyimg.test';
process.env.CONSENT_ALLOWED_ORIGINS = `http://www.heyimg.test:${PORT},http://app.heyimg.test:${HOST_PAGE_PORT}`;
/** The site's public pages Lighthouse measures, beside the floor and the limit. */
const PAGES = ['/privacy', '/en/privacy', '/privacy/versions/1.0.0', '/external-transmission'];

/** The bench's build goes to a folder of its own, never over the build npm start serves. */
const DIST = '.next-bench';

async function build() {
  console.log('\n… building the site');
  const env = {NEXT_DIST_DIR: DIST};
  await run('npx', ['tsx', 'scripts/build-assets.ts'], env);
  await run('npx', ['next', 'build'], env);
  await run('npx', ['tsx', 'scripts/csp-manifest.ts'], env);
  await run('npx', ['tsx', 'scripts/store-template.ts'], env);
}

/**
 * The floor: bench/floor, a bare Next app with the same policy text. Built outside the repository
 * (a copy with node_modules hard-linked): inside it, Next and TypeScript would find the site's
 * configuration above the floor's folder, and the floor would not be bare.
 */
const FLOOR_DIR = path.join(tmpdir(), 'heyimg-bench-floor');

async function buildFloor() {
  console.log('\n… building the floor (bench/floor: a bare Next page with the same text, outside the repository)');
  rmSync(FLOOR_DIR, {recursive: true, force: true});
  cpSync('bench/floor', FLOOR_DIR, {recursive: true, filter: (src) => !src.includes('.next-floor')});
  await run('cp', ['-al', path.resolve('node_modules'), path.join(FLOOR_DIR, 'node_modules')]);
  // From its own folder, so that Next and React come from the floor's node_modules, one copy each.
  await run(
    'npx',
    ['next', 'build'],
    {NEXT_DIST_DIR: '', FLOOR_POLICY_FILE: path.resolve('content/privacy/ja.mdx')},
    FLOOR_DIR,
  );
}

async function startFloor(port: number) {
  return startNext(port, {NEXT_DIST_DIR: ''}, FLOOR_DIR);
}

/** The three columns of the table, from this run's figures. */
function printSideBySide(
  lighthouse: Awaited<ReturnType<typeof lighthouseSideBySide>>,
  weights: Record<'site' | 'floor' | 'limit', PageWeight>,
  wrk: Awaited<ReturnType<typeof throughputSideBySide>>,
) {
  const lh = (label: string) => lighthouse.medians.find((m) => m.label === label)!;
  const column = (label: string, weight: PageWeight, load: (typeof wrk)['site']) => ({
    Performance: lh(label).performance,
    'TBT ms': Math.round(lh(label).tbt),
    'LCP ms': Math.round(lh(label).lcp),
    CLS: lh(label).cls.toFixed(3),
    'JS gzip': `${kb(weight.jsTotal)} (${weight.scripts.length} files)`,
    'HTML gzip': kb(weight.htmlGzip),
    'req/s': load['req/s'],
    'p99 ms': load['p99 ms'],
    'over 2 s': load.timeouts,
  });
  const columns = {
    '/privacy': column('/privacy', weights.site, wrk.site),
    floor: column('floor', weights.floor, wrk.floor),
    limit: column('limit', weights.limit, wrk.limit),
  };
  // The same figures as numbers, for the ratio to the floor (README states them so: absolute
  // figures differ between machines and runs, ratios of one run do not).
  const raw = (label: string, weight: PageWeight, load: (typeof wrk)['site']) => [
    lh(label).performance,
    lh(label).tbt,
    lh(label).lcp,
    lh(label).cls,
    weight.jsTotal,
    weight.htmlGzip,
    load['req/s'],
    load['p99 ms'],
    load.timeouts,
  ];
  const site = raw('/privacy', weights.site, wrk.site);
  const floor = raw('floor', weights.floor, wrk.floor);
  console.log('\nSide by side (same run): the site, the floor and the limit');
  table(
    Object.keys(columns['/privacy']).map((what, i) => ({
      what,
      ...Object.fromEntries(Object.entries(columns).map(([name, c]) => [name, String(c[what as keyof typeof c])])),
      '/privacy ÷ floor': floor[i] ? (site[i]! / floor[i]!).toFixed(2) : '—',
    })),
  );
  // Lighthouse's goals hold for every public page. No score is above 100: when the floor is above
  // 90, "floor + 10" cannot be met, and the verdict says why.
  const everyPage = (test: (page: ReturnType<typeof lh>) => boolean) => PAGES.every((page) => test(lh(page)));
  const floorPlus10 = lh('floor').performance + 10;
  const goals = {
    'Performance ≥ limit − 3, every page': everyPage((p) => p.performance >= lh('limit').performance - 3),
    [floorPlus10 > 100
      ? `Performance ≥ floor + 10, every page (the floor's ${floorPlus10 - 10} + 10 is above the highest score: 100)`
      : 'Performance ≥ floor + 10, every page']: everyPage((p) => p.performance >= floorPlus10),
    'TBT ≤ 50 ms, every page': everyPage((p) => p.tbt <= 50),
    'CLS 0, every page': everyPage((p) => p.cls === 0),
    'JS ≤ 15 KB gzip': weights.site.jsTotal <= 15 * 1024,
    'HTML gzip ≤ 1.3 × limit': weights.site.htmlGzip <= 1.3 * weights.limit.htmlGzip,
    'req/s ≥ floor': wrk.site['req/s'] >= wrk.floor['req/s'],
    '0 requests over 2 s': wrk.site.timeouts === 0,
  };
  for (const [goal, met] of Object.entries(goals)) console.log(`  ${met ? 'met    ' : 'NOT MET'}  ${goal}`);
  return {columns, goals};
}

async function main() {
  const results: Record<string, unknown> = {date: new Date().toISOString(), quick: QUICK};

  // The servers' consent store: a throwaway folder, never the real data/consent.
  const store = {CONSENT_DATA_DIR: scratchDir('bench-store-')};
  await build();
  const stop = await startNext(PORT, {...store, NEXT_DIST_DIR: DIST});
  try {
    const site = await pageWeight(ORIGIN, '/privacy');
    printWeight('/privacy as shipped (gzip)', site);
    console.log(
      `\nConsent island: ${kb(site.jsTotal)} gzip in all (the island file ${kb(site.scriptTotal)}, the boot script inline ${kb(site.inlineScriptGzip)})`,
    );
    results.firstPaint = await bannerAtFirstPaint(ORIGIN, PAGES.slice(0, 2), QUICK ? 2 : 5);
    results.click = await clickCost(ORIGIN, '/privacy', QUICK ? 3 : 7);
    results.embed = await embedCost(PORT, HOST_PAGE_PORT, QUICK ? 1 : 5);
    await buildFloor();
    const stopFloor = await startFloor(FLOOR_PORT);
    // The floor stops however the limit's start ends (a server left behind holds its port).
    const limit = await startLimit(ORIGIN, LIMIT_PORT).catch(async (error: unknown) => {
      await stopFloor();
      throw error;
    });
    try {
      const weights = {
        site,
        floor: await pageWeight(FLOOR_ORIGIN, '/'),
        limit: await pageWeight(limit.origin, '/privacy'),
      };
      printWeight('the floor (gzip)', weights.floor);
      printWeight('the limit (gzip)', weights.limit);
      for (const [name, gzip] of Object.entries(limit.variants))
        console.log(`  the limit, ${name}: HTML ${kb(gzip)} gzip`);
      for (const extra of PAGES.slice(1)) printWeight(`${extra} (gzip)`, await pageWeight(ORIGIN, extra));
      results.weights = weights;
      const lighthouse = await lighthouseSideBySide(
        [
          ...PAGES.map((page) => ({label: page, url: ORIGIN + page})),
          {label: 'floor', url: `${FLOOR_ORIGIN}/`},
          {label: 'limit', url: `${limit.origin}/privacy`},
          {label: 'limit, CSS linked', url: `${limit.origin}/privacy-css-linked`},
          {label: 'limit, CSS inlined', url: `${limit.origin}/privacy-css-inlined`},
          {label: '/privacy as sent, from nginx', url: `${limit.origin}/privacy-as-sent`},
        ],
        QUICK ? 1 : 5,
        {floor: 'floor', limit: 'limit'},
      );
      results.lighthouse = lighthouse;
      const wrk = await throughputSideBySide(
        {site: `${ORIGIN}/privacy`, floor: `${FLOOR_ORIGIN}/`, limit: `${limit.origin}/privacy`},
        QUICK ? 5 : 30,
        64,
      );
      results.throughput = wrk;
      results.sideBySide = printSideBySide(lighthouse, weights, wrk);
    } finally {
      limit.stop();
      await stopFloor();
    }
    results.hostile = await hostileBatch(ORIGIN, QUICK ? 20 : 200);
    results.cookieFlood = await cookieFlood(ORIGIN, QUICK ? 5 : 20);
  } finally {
    await stop();
  }
  // The receipts bench starts its own servers from the same build.
  process.env.NEXT_DIST_DIR = DIST;
  results.receipts = await receiptsBench(PORT, QUICK ? 1000 : 10_000, 64);
  results.writeCost = await writeCost(QUICK ? 100 : 1000);
  results.logAtScale = await logAtScale(QUICK ? 50_000 : 1_000_000);
  results.firstReceipt = await firstReceiptLatency(PORT, QUICK ? 50_000 : 1_000_000, QUICK ? 1 : 3);
  results.exportAtScale = await exportAtScale(QUICK ? 50_000 : 1_000_000);
  mkdirSync('bench/results', {recursive: true});
  writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2));
  console.log('\nAll figures: bench/results/latest.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
