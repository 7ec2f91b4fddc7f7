// npm run bench: prints every figure of the performance budget in one run. It asserts nothing
// about time; BENCH_QUICK=1 shortens every part for a smoke run.
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {hostileBatch} from './hostile';
import {kb, run, startNext} from './lib';
import {bannerAtFirstPaint} from './first-paint';
import {lighthouse} from './lighthouse';
import {receiptsBench} from './receipts';
import {throughput} from './throughput';
import {pageWeight, printWeight} from './weight';

const QUICK = process.env.BENCH_QUICK === '1';
const PORT = 3400;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PAGES = ['/privacy', '/en/privacy'];
const CONSENT_BUDGET = 8 * 1024;

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
    results.lighthouse = await lighthouse(ORIGIN, PAGES, QUICK ? 1 : 5);
    results.throughput = await throughput(ORIGIN, PORT + 1, QUICK ? 5 : 30, 64, DIST.with);
    results.hostile = await hostileBatch(ORIGIN, QUICK ? 20 : 200);
  } finally {
    await stop();
  }
  // The receipts bench starts its own servers from the same build.
  process.env.NEXT_DIST_DIR = DIST.with;
  results.receipts = await receiptsBench(PORT, QUICK ? 1000 : 10_000, 64);
  mkdirSync('bench/results', {recursive: true});
  writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2));
  console.log('\nAll figures: bench/results/latest.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
