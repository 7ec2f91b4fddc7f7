import {spawn} from 'node:child_process';
import {rmSync} from 'node:fs';
import {cpus, loadavg} from 'node:os';
import pg from 'pg';
import {CONSENT_CONTRACT, CONSENT_COOKIE} from '../lib/consent/contract';
import {registryFingerprint} from '../lib/consent/registry';
import {cookieRegistry} from '../lib/consent/site-registry';
import {openEmbeddedEngine, openEmbeddedStore} from '../lib/consent/store/embedded';
import {openPostgresStore} from '../lib/consent/store/postgres';
import {openSqlStore} from '../lib/consent/store/sql-store';
import type {ConsentStore} from '../lib/consent/store/types';
import {LOG_ORIGIN} from '../lib/consent/transparency/checkpointer';
import {receiptLeaf} from '../lib/consent/transparency/entry';
import {loadLogKeys, type LogKey} from '../lib/consent/transparency/keys';
import {startPgCluster} from '../tests/support/postgres-cluster';
import {scratchDir, startNext, table} from './lib';

const hex = (n: number) => n.toString(16).padStart(32, '0');
const REGISTRY = registryFingerprint(cookieRegistry);

/** A burst of `total` receipts from `clients` concurrent clients through /api/consent: what was acknowledged, how fast. */
async function burst(origin: string, total: number, clients: number) {
  const acknowledged: string[] = [];
  const latencies: number[] = [];
  let failed = 0;
  /** The first refusal, said if nothing was acknowledged: a bench that measured nothing stops. */
  let firstRefusal = '';
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (let n = next++; n < total; n = next++) {
      const record = {
        v: CONSENT_CONTRACT.schemaVersion,
        id: hex(0x10000 + n),
        ts: Date.now() - 1000,
        pv: '1.0.0',
        l: 'ja',
        rf: REGISTRY,
        c: {analytics: n % 2 === 0, advertising: false},
        m: 'banner',
      };
      // The cookie-bound path: each visitor's browser sends its own consent cookie with its receipt.
      const cookie = `${CONSENT_COOKIE}=${encodeURIComponent(JSON.stringify(record))}`;
      const sent = performance.now();
      const response = await fetch(`${origin}/api/consent`, {
        method: 'POST',
        headers: {'content-type': 'application/json', origin, cookie},
        body: JSON.stringify({record}),
      }).catch(() => null);
      await response?.arrayBuffer();
      latencies.push(performance.now() - sent);
      if (response && (response.status === 201 || response.status === 200)) acknowledged.push(record.id);
      else {
        failed++;
        firstRefusal ||= response ? `HTTP ${response.status}` : 'no answer';
      }
    }
  };
  await Promise.all(Array.from({length: clients}, client));
  if (acknowledged.length === 0)
    throw new Error(`not one of ${total} receipts was acknowledged (the first answer: ${firstRefusal})`);
  latencies.sort((x, y) => x - y);
  return {
    acknowledged,
    failed,
    seconds: (performance.now() - started) / 1000,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
  };
}

/**
 * What Next's route costs before any store work: the same POST with a body that is not JSON,
 * answered 400 by the route. When this is under half the limit, no store makes the site reach it.
 */
async function routeAlone(port: number, total: number, clients: number, env: Record<string, string>) {
  const stop = await startNext(port, env);
  const origin = `http://127.0.0.1:${port}`;
  let sent = 0;
  let refused = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({length: clients}, async () => {
        while (sent++ < total) {
          const response = await fetch(`${origin}/api/consent`, {
            method: 'POST',
            headers: {'content-type': 'application/json', origin},
            body: '{',
          });
          await response.arrayBuffer();
          if (response.status === 400) refused++;
        }
      }),
    );
  } finally {
    await stop();
  }
  return {'requests/s': Math.round(total / ((performance.now() - started) / 1000)), 'answered 400': refused};
}

/** The bare Node server of the limit (bench/receipt-limit.ts), in a process of its own. */
async function startLimitServer(port: number, env: Record<string, string>): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/receipt-limit.ts', String(port)], {
    env: {...process.env, ...env},
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the limit server exited (${code})`)));
  });
  return () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/** A fresh store of one kind: its server environment, and how to open it afterwards. */
interface FreshStore {
  env: Record<string, string>;
  open: () => Promise<ConsentStore>;
  keys: () => LogKey[];
}

async function measure(
  label: {store: string; path: string},
  fresh: FreshStore,
  start: (env: Record<string, string>) => Promise<() => Promise<void>>,
  port: number,
  total: number,
  clients: number,
) {
  const stop = await start(fresh.env);
  let result;
  try {
    result = await burst(`http://127.0.0.1:${port}`, total, clients);
  } finally {
    await stop();
  }
  // Count from the store itself, once the server has let go of it (the embedded store has one owner).
  let store: ConsentStore | null = null;
  for (let attempt = 0; !store; attempt++) {
    store = await fresh.open().catch((error) => {
      if (attempt >= 50) throw error;
      return new Promise<null>((resolve) => setTimeout(() => resolve(null), 200));
    });
  }
  const stored = new Set<string>();
  for await (const receipt of store.export(new Date(0), new Date(Date.now() + 60_000))) stored.add(receipt.consentId);
  const audit = label.path.includes('without') ? null : await store.log.audit(fresh.keys(), LOG_ORIGIN);
  await store.close();
  return {
    ...label,
    sent: total,
    acknowledged: result.acknowledged.length,
    stored: stored.size,
    lost: result.acknowledged.filter((id) => !stored.has(id)).length,
    'receipts/s': Math.round(result.acknowledged.length / result.seconds),
    'p99 ms': Math.round(result.p99),
    'log verifies': audit ? (audit.problem ? `NO: ${audit.problem.en}` : `yes (${audit.entries})`) : '-',
  };
}

const BENCH_LOG_KEYS = `bench:${Buffer.alloc(32, 30).toString('base64')}`;
/** With DATABASE_URL every server must be given the same proof keys (it refuses receipts otherwise). */
const BENCH_PROOF_KEYS = `bench:${Buffer.alloc(32, 31).toString('base64')}`;

/**
 * POST /api/consent on the embedded store and on PostgreSQL, in the same run: the site without the
 * consent log (the bench's baseline, HEYIMG_BENCH_UNLOGGED_RECEIPTS), with it, and the limit — a
 * bare Node server doing the same claim on the same database. Receipts/s, p99, what was lost
 * (goal 0) and the ratios: with ÷ without the log (goal ≥ 0.80), the site ÷ the limit (goal
 * ≥ 0.50 on PostgreSQL). Nothing here asserts time.
 */
export async function receiptsBench(port: number, total: number, clients: number) {
  const [load] = loadavg();
  console.log(`\n… consent receipts (load average ${load!.toFixed(2)} on ${cpus().length} cores)`);
  const stores: [string, () => Promise<FreshStore>][] = [
    [
      'embedded (PGlite)',
      async () => {
        const dir = scratchDir('bench-receipts-');
        return {
          env: {CONSENT_DATA_DIR: dir},
          open: () => openEmbeddedStore(dir),
          keys: () => loadLogKeys({CONSENT_DATA_DIR: dir}),
        };
      },
    ],
  ];
  const cluster = await startPgCluster();
  let databases = 0;
  if (cluster)
    stores.push([
      'PostgreSQL',
      async () => {
        const url = await freshDatabase(cluster.url, `bench_receipts_${++databases}`);
        return {
          env: {DATABASE_URL: url, CONSENT_LOG_KEYS: BENCH_LOG_KEYS, CONSENT_PROOF_KEYS: BENCH_PROOF_KEYS},
          open: () => openPostgresStore(url),
          keys: () => loadLogKeys({CONSENT_LOG_KEYS: BENCH_LOG_KEYS}),
        };
      },
    ]);
  else console.log('  (PostgreSQL is not installed: apt-get install postgresql to measure it too)');
  const rows: Awaited<ReturnType<typeof measure>>[] = [];
  try {
    for (const [store, fresh] of stores) {
      const site = (env: Record<string, string>) => startNext(port, env);
      rows.push(
        await measure(
          {store, path: 'site, without the log'},
          await fresh(),
          (env) => site({...env, HEYIMG_BENCH_UNLOGGED_RECEIPTS: '1'}),
          port,
          total,
          clients,
        ),
        await measure({store, path: 'site, with the log'}, await fresh(), site, port, total, clients),
        await measure(
          {store, path: 'limit: bare Node, same claim'},
          await fresh(),
          (env) => startLimitServer(port, env),
          port,
          total,
          clients,
        ),
      );
    }
  } finally {
    cluster?.destroy();
  }
  const route = await routeAlone(port, total, clients, (await stores[0]![1]()).env);
  console.log(`\nConsent receipts: a burst of ${total} from ${clients} concurrent clients through POST /api/consent`);
  table(rows);
  console.log(
    `  Next's route alone (a body that is not JSON, answered 400, no store): ${route['requests/s']} requests/s (${route['answered 400']} answered 400)`,
  );
  const ratios = stores.map(([store]) => {
    const [without, logged, limit] = rows.filter((row) => row.store === store);
    return {
      store,
      'with ÷ without the log, receipts/s': (logged!['receipts/s'] / without!['receipts/s']).toFixed(2),
      'p99 with ÷ without': (logged!['p99 ms'] / without!['p99 ms']).toFixed(2),
      'site ÷ limit, receipts/s': (logged!['receipts/s'] / limit!['receipts/s']).toFixed(2),
      'p99 site ÷ limit': (logged!['p99 ms'] / limit!['p99 ms']).toFixed(2),
      goals: store === 'PostgreSQL' ? 'log ≥ 0.80; site ≥ 0.50 of the limit' : 'log ≥ 0.80',
    };
  });
  table(ratios);
  return {load, rows, ratios, routeAlone: route};
}

/** A new database on the cluster (a fresh log for each measurement), migrated by its first opener. */
async function freshDatabase(clusterUrl: string, name: string): Promise<string> {
  const client = new pg.Client(clusterUrl);
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return clusterUrl.replace(/\/postgres$/, `/${name}`);
}

/**
 * What "acknowledged means on disk" costs: sequential appends on the embedded store, each waiting
 * for its commit's fsync, with the settings that make it so.
 */
export async function writeCost(count: number) {
  const dir = scratchDir('bench-write-cost-');
  const store = await openEmbeddedStore(dir);
  const started = performance.now();
  for (let n = 0; n < count; n++)
    await store.append({
      consentId: hex(0x20000 + n),
      recordedAt: new Date(Date.now() - 1000),
      policyVersion: '1.0.0',
      choices: {analytics: false, advertising: false},
      method: 'banner',
      locale: 'ja',
      policySha256: 'a'.repeat(64),
      registryFingerprint: REGISTRY,
      origin: 'https://heyimg.net',
    });
  const ms = (performance.now() - started) / count;
  const {durability} = await store.schema();
  await store.close();
  console.log(`\nWrite cost on the embedded store (${count} sequential acknowledged appends)`);
  table([{...durability, 'ms per acknowledged write': ms.toFixed(2), 'writes/s, one client': Math.round(1000 / ms)}]);
  return {msPerWrite: ms, durability};
}

/** `total` receipts with their log entries, written in batches as the store writes them (same rows, same leaves). */
async function fillLog(
  sql: (text: string, params?: unknown[]) => Promise<unknown>,
  store: ConsentStore,
  total: number,
) {
  const [key] = loadLogKeys({CONSENT_LOG_KEYS: BENCH_LOG_KEYS});
  const BATCH = 10_000;
  const start = Date.now() - total * 10;
  for (let done = 0; done < total; done += BATCH) {
    const receipts = Array.from({length: Math.min(BATCH, total - done)}, (_, i) => {
      const n = done + i;
      return {
        consentId: hex(0x100000 + n),
        recordedAt: new Date(start + n * 10 - 500),
        receivedAt: new Date(start + n * 10),
        policyVersion: '1.0.0',
        choices: {analytics: n % 2 === 0, advertising: false},
        method: 'banner' as const,
        locale: 'ja' as const,
        policySha256: 'a'.repeat(64),
        registryFingerprint: '0123456789abcdef',
        origin: 'https://heyimg.net',
      };
    });
    await sql(
      `WITH v AS (SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::boolean[], $5::bigint[])
                  AS v(consent_id, recorded_at, received_at, analytics, log_index)),
            r AS (INSERT INTO consent_receipts (consent_id, recorded_at, received_at, policy_version, analytics, advertising,
                    method, locale, policy_sha256, registry_fingerprint, origin, log_index)
                  SELECT consent_id, recorded_at, received_at, '1.0.0', analytics, false, 'banner', 'ja', repeat('a', 64),
                    '0123456789abcdef', 'https://heyimg.net', log_index FROM v)
       INSERT INTO consent_log (idx, leaf) SELECT i, decode(h, 'hex') FROM unnest($5::bigint[], $6::text[]) AS l(i, h)`,
      [
        receipts.map((r) => r.consentId),
        receipts.map((r) => r.recordedAt.toISOString()),
        receipts.map((r) => r.receivedAt.toISOString()),
        receipts.map((r) => r.choices.analytics),
        receipts.map((_, i) => done + i),
        receipts.map((r) => receiptLeaf(r).toString('hex')),
      ],
    );
    await sql('UPDATE consent_log_head SET size = $1', [done + receipts.length]);
    // A checkpoint every 100,000 entries, as the server's timer would have signed them (and its tiles).
    if ((done + receipts.length) % 100_000 === 0 || done + receipts.length === total)
      await store.log.checkpoint(key!, LOG_ORIGIN);
  }
}

/** npm run consent:verify itself over `env`'s store: its time and what it says. */
function runVerify(env: Record<string, string>) {
  return new Promise<{seconds: number; out: string; code: number | null}>((resolve) => {
    const started = performance.now();
    const child = spawn('npm', ['run', '--silent', 'consent:verify'], {
      env: {...process.env, DATABASE_URL: '', CONSENT_LOG_KEYS: BENCH_LOG_KEYS, ...env},
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => resolve({seconds: (performance.now() - started) / 1000, out, code}));
  });
}

/**
 * The log at scale, on both stores: `total` receipts and their entries, then `npm run
 * consent:verify` over them (goal ≤ 60 s for 1,000,000) — and on PostgreSQL the log's size per
 * entry (goal ≤ 100 bytes): the leaves' table and index, then the tiles and checkpoints, and the
 * receipts' own log_index column and index, each by itself.
 */
export async function logAtScale(total: number) {
  const rows = [];
  let bytes: Record<string, string> | null = null;
  const dir = scratchDir('bench-log-scale-');
  const engine = await openEmbeddedEngine(dir);
  const embedded = await openSqlStore('embedded', engine);
  let started = performance.now();
  await fillLog((text, params) => engine.query(text, params), embedded, total);
  const embeddedFill = (performance.now() - started) / 1000;
  await embedded.close();
  const targets: [string, Record<string, string>, number][] = [
    ['embedded (PGlite)', {CONSENT_DATA_DIR: dir}, embeddedFill],
  ];
  const cluster = await startPgCluster();
  try {
    if (cluster) {
      const store = await openPostgresStore(cluster.url);
      const client = new pg.Client(cluster.url);
      await client.connect();
      started = performance.now();
      await fillLog((text, params) => client.query(text, params), store, total);
      targets.push(['PostgreSQL', {DATABASE_URL: cluster.url}, (performance.now() - started) / 1000]);
      await client.query('VACUUM ANALYZE');
      const size = async (expression: string) =>
        Number((await client.query<{bytes: string}>(`SELECT ${expression} AS bytes`)).rows[0]!.bytes);
      const perEntry = async (expression: string) => `${((await size(expression)) / total).toFixed(1)} B`;
      bytes = {
        'log: leaves, table + BRIN index': await perEntry(
          `pg_table_size('consent_log') + pg_indexes_size('consent_log')`,
        ),
        'log: tiles, checkpoints, head': await perEntry(
          `pg_total_relation_size('consent_log_tiles') + pg_total_relation_size('consent_log_checkpoints') + pg_total_relation_size('consent_log_head')`,
        ),
        "receipts' log_index: 8 B column + its index": await perEntry(`pg_relation_size('consent_receipts_log_index')`),
        goal: '≤ 100 B (the log)',
      };
      await client.end();
      await store.close();
    } else console.log('\nThe log at scale: PostgreSQL skipped (Debian postgresql not installed).');
    for (const [store, env, fill] of targets) {
      const verify = await runVerify(env);
      const peak = /peak memory (\d+) MB/.exec(verify.out)?.[1];
      rows.push({
        store,
        entries: total,
        'fill s': fill.toFixed(1),
        'consent:verify s': verify.seconds.toFixed(1),
        'peak RSS': peak ? `${peak} MB` : '-',
        verdict: verify.code === 0 ? 'verifies' : `exit ${verify.code}: ${verify.out.trim().split('\n').at(-1)}`,
        goal: '≤ 60 s',
      });
    }
  } finally {
    cluster?.destroy();
    rmSync(dir, {recursive: true, force: true}); // a gigabyte at 1,000,000 entries
  }
  console.log(
    `\nThe consent log at ${total.toLocaleString('en')} entries: npm run consent:verify (a checkpoint every 100,000)`,
  );
  table(rows);
  if (bytes) {
    console.log('\nThe log on PostgreSQL, bytes per entry (after VACUUM)');
    table([bytes]);
  }
  return {rows, bytes};
}
