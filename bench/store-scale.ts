import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {openEmbeddedEngine, openEmbeddedStore} from '../lib/consent/store/embedded';
import {openPostgresStore} from '../lib/consent/store/postgres';
import type {SqlClient} from '../lib/consent/store/types';
import {startPgCluster} from '../tests/support/postgres-cluster';
import {median, once, scratchDir, table, untilClosed} from './lib';

/**
 * `total` receipts written server-side (generate_series), received over the last `total` seconds;
 * outside the consent log (log_index null): starting and exporting do not read the log, and
 * bench/receipts.ts measures the log at scale.
 */
const FILL = `INSERT INTO consent_receipts (consent_id, recorded_at, received_at, policy_version, analytics, advertising, method, locale, policy_sha256, registry_fingerprint)
  SELECT lpad(to_hex(n), 32, '0'), now() - (n || ' seconds')::interval, now() - (n || ' seconds')::interval, '1.0.0', n % 2 = 0, false, 'banner', 'ja', repeat('a', 64), '0123456789abcdef'
  FROM generate_series(1, $1) AS n`;

/** An embedded store holding `total` receipts, filled in batches (one transaction each). */
export async function embeddedStoreWith(total: number): Promise<string> {
  const dir = scratchDir('bench-store-');
  await (await openEmbeddedStore(dir)).close(); // migrated
  const engine: SqlClient = await openEmbeddedEngine(dir);
  for (let done = 0; done < total; done += 100_000)
    await engine.query(FILL.replace('generate_series(1, $1)', `generate_series(${done + 1}, $1)`), [
      Math.min(total, done + 100_000),
    ]);
  await engine.close();
  return dir;
}

/** The operator's command itself (npm run consent:export, with its heap cap), over `env`'s store. */
function runExport(env: Record<string, string>) {
  return new Promise<{lines: number; stderr: string}>((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'consent:export', '--', '--format', 'csv'], {
      env: {...process.env, DATABASE_URL: '', ...env},
    });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => (code === 0 ? resolve({lines, stderr}) : reject(new Error(stderr))));
  });
}

/**
 * `npm run consent:export` over a large log on both stores: its time and its peak memory — the
 * command's, and the embedded engine's process — which must not grow with the log (goal ≤ 150 MB
 * for 1,000,000).
 */
export async function exportAtScale(total: number) {
  const rows = [];
  const embedded = await embeddedStoreWith(total);
  const cluster = await startPgCluster();
  try {
    const targets: [string, Record<string, string>][] = [['embedded (PGlite)', {CONSENT_DATA_DIR: embedded}]];
    if (cluster) {
      await (await openPostgresStore(cluster.url)).close();
      const pg = (await import('pg')).default;
      const client = new pg.Client(cluster.url);
      await client.connect();
      await client.query(FILL, [total]);
      await client.end();
      targets.push(['PostgreSQL', {DATABASE_URL: cluster.url}]);
    } else console.log('\nExport at scale: PostgreSQL skipped (Debian postgresql not installed).');
    for (const [store, env] of targets) {
      const started = performance.now();
      const {lines, stderr} = await runExport(env);
      const seconds = (performance.now() - started) / 1000;
      const command = Number(/peak memory (\d+) MB/.exec(stderr)?.[1]);
      const engine = Number(/engine process (\d+) MB/.exec(stderr)?.[1] ?? 0);
      rows.push({
        store,
        receipts: lines - 1,
        seconds: seconds.toFixed(1),
        'receipts/s': Math.round((lines - 1) / seconds),
        'peak RSS, command': `${command} MB`,
        'peak RSS, engine process': engine ? `${engine} MB` : '-',
        goal: '≤ 150 MB',
      });
    }
  } finally {
    cluster?.destroy();
  }
  console.log(`\nconsent:export of ${total.toLocaleString('en')} receipts (keyset pages of 5,000, streamed)`);
  table(rows);
  return rows;
}

/**
 * A server started on a store (npm start's own, scripts/server.ts, on the bench's build), measured
 * from the moment it is spawned: when the first /privacy answers; then a visitor's first consent,
 * the banner's form without JavaScript sent as soon as the page has answered, until a receipt is
 * stored (303 to #consent-saved — #consent-pending means the store was not ready: the form is sent
 * again); and when /api/health says the store is settled.
 */
export async function freshStart(port: number, dataDir: string, settled: 'ok' | 'unavailable' = 'ok') {
  const origin = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn('node', ['--import', 'tsx', 'scripts/server.ts'], {
    stdio: 'ignore',
    detached: true,
    env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), CONSENT_DATA_DIR: dataDir},
  });
  const until = async <T>(probe: () => Promise<T | undefined>, limitMs = 300_000) => {
    for (;;) {
      const found = await probe().catch(() => undefined);
      if (found !== undefined) return {found, at: performance.now() - started};
      if (performance.now() - started > limitMs) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    const firstPage = await until(async () => ((await once(port, '/privacy')).status === 200 ? true : undefined));
    if (!firstPage) throw new Error('the server did not answer /privacy in 5 minutes');
    const forms = {sent: 0, first: ''};
    // The store that cannot open never stores one: its first answer is the figure.
    const consent = await until(
      async () => {
        const answer = await once(port, '/api/consent', {
          method: 'POST',
          headers: {'content-type': 'application/x-www-form-urlencoded', origin, referer: `${origin}/privacy`},
          body: 'locale=ja&choice=decline',
        });
        const outcome = /#consent-(\w+)/.exec(String(answer.headers.location))?.[1] ?? `HTTP ${answer.status}`;
        forms.first ||= outcome;
        forms.sent++;
        return outcome === 'saved' || settled === 'unavailable' ? outcome : undefined;
      },
      settled === 'unavailable' ? 0 : 60_000,
    );
    const ready = await until(async () => {
      const health = JSON.parse((await once(port, '/api/health')).body) as {state: string};
      return health.state === settled ? true : undefined;
    });
    return {
      firstPage: firstPage.at,
      firstConsent: consent ? consent.at - firstPage.at : Number.NaN,
      outcome: consent?.found ?? 'none in 60 s',
      forms,
      ready: ready?.at ?? Number.NaN,
    };
  } finally {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      process.kill(-child.pid!, 'SIGTERM');
    });
    // The next start must not be answered by this server's last moments.
    await untilClosed(port);
  }
}

/**
 * The first consent after a fresh start, with a new embedded store (the build's template copied)
 * and with an existing one holding `existing` receipts, beside a store that fails at once (the
 * baseline of the same run: what the page and the form cost with no store at all); `runs` starts
 * of each, medians. Goals: the first /privacy ≤ 1 s after the spawn; the first consent stored
 * ≤ 300 ms after pages answer.
 */
export async function firstReceiptLatency(port: number, existing: number, runs: number) {
  const fresh = scratchDir('bench-fresh-store-');
  const full = await embeddedStoreWith(existing);
  const failing = path.join(fresh, 'not-a-folder');
  writeFileSync(failing, '');
  const rows = [];
  for (const [label, folder] of [
    ['baseline: a store that fails at once', () => failing],
    ['new store', (run: number) => path.join(fresh, `store-${run}`)],
    [`existing store (${existing.toLocaleString('en')} receipts)`, () => full],
  ] as const) {
    const starts = [];
    for (let run = 0; run < runs; run++) {
      const dir = folder(run);
      starts.push(await freshStart(port, dir, dir === failing ? 'unavailable' : 'ok'));
    }
    const ms = (values: number[]) => `${Math.round(median(values))} ms (${values.map(Math.round).join(', ')})`;
    rows.push({
      store: label,
      'first /privacy after spawn': ms(starts.map((s) => s.firstPage)),
      'first consent after pages answer': ms(starts.map((s) => s.firstConsent)),
      'the form’s answers': [
        ...new Set(
          starts.map(
            (s) => `${s.forms.first === s.outcome ? '' : `${s.forms.first} … `}${s.outcome} (${s.forms.sent} sent)`,
          ),
        ),
      ].join(', '),
      'store settled after spawn': ms(starts.map((s) => s.ready)),
    });
  }
  console.log(
    `\nA fresh server, ${runs} starts of each (medians, then each start): the first page, then a visitor's first consent without JavaScript (goals: page ≤ 1 s, consent stored ≤ 300 ms after pages answer)`,
  );
  table(rows);
  return rows;
}
