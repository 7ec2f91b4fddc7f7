// npm run bench: prints every figure of the performance budget in one run. It asserts nothing
// about time; BENCH_QUICK=1 shortens every part for a smoke run.
import {cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {cookieFlood, hostileBatch} from './hostile';
import {kb, run, startNext} from './lib';
import {bannerAtFirstPaint} from './first-paint';
import {lighthouseAgainstFloor} from './lighthouse';
import {receiptsBench, writeCost} from './receipts';
import {exportAtScale, firstReceiptLatency} from './store-scale';
import {throughput, throughputAgainstFloor} from './throughput';
import {pageWeight, printWeight} from './weight';

const QUICK = process.env.BENCH_QUICK === '1';
const PORT = 3400;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGES = ['/privacy', '/en/privacy'];
const CONSENT_BUDGET = 8 * 1024;
const FLOOR_PORT = PORT + 2;
const FLOOR_ORIGIN = `http://127.0.0.1:${FLOOR_PORT}`;

/** The bench's builds go to folders of their own, never over the build npm start serves. */
const DIST = {with: '.next-bench', without: '.next-bench-without-consent'};

async function build(withoutConsent: boolean) {
  console.log(`\n… building ${withoutConsent ? 'without' : 'with'} the consent component`);
  const env = {
    NEXT_DIST_DIR: DIST[withoutConsent ? 'without' : 'with'],
    ...(withoutConsent ? {BENCH_WITHOUT_CONSENT: '1'} : {}),
  };
  await run('npx', ['next', 'build'], env);
  await run('npx', ['tsx', 'scripts/csp-manifest.ts'], env);
}

/**
 * The floor: bench/floor, a bare Next app with the same policy text. Built outside the repository
 * (a copy with node_modules hard-linked): inside it, Next would pick up the site's proxy.ts and
 * instrumentation.ts, and the floor would not be bare.
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

async function main() {
  const results: Record<string, unknown> = {date: new Date().toISOString(), quick: QUICK};

  // The servers' consent store: a throwaway folder, never the real data/consent.
  const store = {CONSENT_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-store-'))};
  await build(true);
  let stop = await startNext(PORT, {...store, NEXT_DIST_DIR: DIST.without});
  const without = await pageWeight(ORIGIN, '/privacy');
  await stop();

  await build(false);
  stop = await startNext(PORT, {...store, NEXT_DIST_DIR: DIST.with});
  try {
    const withConsent = await pageWeight(ORIGIN, '/privacy');
    printWeight('/privacy built without the consent component (gzip)', without);
    printWeight('/privacy as shipped (gzip)', withConsent);
    const cost = withConsent.scriptTotal + withConsent.cssTotal - (without.scriptTotal + without.cssTotal);
    console.log(
      `\nConsent component: +${kb(cost)} gzip (JS ${kb(withConsent.scriptTotal - without.scriptTotal)}, CSS ${kb(withConsent.cssTotal - without.cssTotal)}); budget ${kb(CONSENT_BUDGET)}: ${cost <= CONSENT_BUDGET ? 'within' : 'OVER'}`,
    );
    results.weight = {without, with: withConsent, consentCost: cost};

    results.firstPaint = await bannerAtFirstPaint(ORIGIN, PAGES, QUICK ? 2 : 5);
    await buildFloor();
    const stopFloor = await startFloor(FLOOR_PORT);
    try {
      const floorWeight = await pageWeight(FLOOR_ORIGIN, '/');
      const archived = await pageWeight(ORIGIN, '/privacy/versions/1.0.0');
      printWeight('the floor (gzip)', floorWeight);
      printWeight('/privacy/versions/1.0.0 (gzip)', archived);
      results.floorWeight = floorWeight;
      results.lighthouseVsFloor = await lighthouseAgainstFloor(
        [
          {label: '/privacy', url: `${ORIGIN}/privacy`},
          {label: '/en/privacy', url: `${ORIGIN}/en/privacy`},
          {label: '/privacy/versions/1.0.0', url: `${ORIGIN}/privacy/versions/1.0.0`},
          {label: 'floor', url: `${FLOOR_ORIGIN}/`},
        ],
        QUICK ? 1 : 5,
      );
      results.throughputVsFloor = await throughputAgainstFloor(ORIGIN, FLOOR_ORIGIN, QUICK ? 5 : 30, 64);
    } finally {
      await stopFloor();
    }
    results.throughput = await throughput(ORIGIN, PORT + 1, QUICK ? 5 : 30, 64, DIST.with);
    results.hostile = await hostileBatch(ORIGIN, QUICK ? 20 : 200);
    results.cookieFlood = await cookieFlood(ORIGIN, QUICK ? 5 : 20);
  } finally {
    await stop();
  }
  // The receipts bench starts its own servers from the same build.
  process.env.NEXT_DIST_DIR = DIST.with;
  results.receipts = await receiptsBench(PORT, QUICK ? 1000 : 10_000, 64);
  results.writeCost = await writeCost(QUICK ? 100 : 1000);
  results.firstReceipt = await firstReceiptLatency(PORT, QUICK ? 50_000 : 1_000_000);
  results.exportAtScale = await exportAtScale(QUICK ? 50_000 : 1_000_000);
  mkdirSync('bench/results', {recursive: true});
  writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2));
  console.log('\nAll figures: bench/results/latest.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
