import {spawn} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {openPostgresStore} from '../lib/consent/store/postgres';
import {startPgCluster} from '../tests/support/postgres-cluster';
import {startNext, table} from './lib';

/**
 * `npm run consent:export` over a large log: fills PostgreSQL with `total` receipts (server-side,
 * generate_series) and times the CLI exporting all of them, printing its peak memory — which must
 * not grow with the log (goal ≤ 150 MB for 1,000,000).
 */
export async function exportAtScale(total: number) {
  const cluster = await startPgCluster();
  if (!cluster) {
    console.log('\nExport at scale: skipped (Debian postgresql not installed).');
    return null;
  }
  try {
    const store = await openPostgresStore(cluster.url);
    await store.close();
    const pg = (await import('pg')).default;
    const client = new pg.Client(cluster.url);
    await client.connect();
    await client.query(
      `INSERT INTO consent_receipts (consent_id, recorded_at, policy_version, analytics, advertising, method, locale, policy_sha256, registry_fingerprint)
       SELECT lpad(to_hex(n), 32, '0'), now() - (n || ' seconds')::interval, '1.0.0', n % 2 = 0, false, 'banner', 'ja', repeat('a', 64), '0123456789abcdef'
       FROM generate_series(1, $1) AS n`,
      [total],
    );
    await client.end();
    const started = performance.now();
    const {lines, stderr} = await new Promise<{lines: number; stderr: string}>((resolve, reject) => {
      // The operator's command itself (npm run consent:export), with its heap cap.
      const child = spawn('npm', ['run', '--silent', 'consent:export', '--', '--format', 'csv'], {
        env: {...process.env, DATABASE_URL: cluster.url},
      });
      let lines = 0;
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        for (const byte of chunk) if (byte === 10) lines++;
      });
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => (code === 0 ? resolve({lines, stderr}) : reject(new Error(stderr))));
    });
    const seconds = (performance.now() - started) / 1000;
    const peak = Number(/peak memory (\d+) MB/.exec(stderr)?.[1]);
    console.log(
      `\nconsent:export of ${total.toLocaleString('en')} receipts from PostgreSQL (keyset pages of 5,000, streamed)`,
    );
    table([
      {
        receipts: lines - 1,
        seconds: seconds.toFixed(1),
        'receipts/s': Math.round((lines - 1) / seconds),
        'peak RSS': `${peak} MB`,
        goal: '≤ 150 MB',
      },
    ]);
    return {receipts: lines - 1, seconds, peakMb: peak};
  } finally {
    cluster.destroy();
  }
}

/**
 * A fresh server and its first receipt: the embedded store opens when the server starts, so page
 * requests sent meanwhile do not wait on it. Prints the worst page latency while the first receipt
 * is handled.
 */
export async function firstReceiptLatency(port: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-fresh-store-'));
  const started = performance.now();
  const stop = await startNext(port, {CONSENT_DATA_DIR: dir});
  const ready = performance.now() - started;
  const origin = `http://127.0.0.1:${port}`;
  const {CONSENT_CONTRACT, CONSENT_COOKIE} = await import('../lib/consent/contract');
  const {registryFingerprint} = await import('../lib/consent/registry');
  const {cookieRegistry} = await import('../lib/consent/site-registry');
  const record = {
    v: CONSENT_CONTRACT.schemaVersion,
    id: 'f'.repeat(32),
    ts: Date.now(),
    pv: '1.0.0',
    l: 'ja',
    rf: registryFingerprint(cookieRegistry),
    c: {analytics: false, advertising: false},
    m: 'banner',
  };
  try {
    const pages: number[] = [];
    let done = false;
    const receipt = (async () => {
      const t = performance.now();
      const response = await fetch(`${origin}/api/consent`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin,
          cookie: `${CONSENT_COOKIE}=${encodeURIComponent(JSON.stringify(record))}`,
        },
        body: JSON.stringify({record}),
      });
      done = true;
      return {status: response.status, ms: performance.now() - t};
    })();
    while (!done) {
      const t = performance.now();
      await fetch(`${origin}/privacy`).then((r) => r.arrayBuffer());
      pages.push(performance.now() - t);
    }
    const first = await receipt;
    console.log('\nA fresh server (new embedded store): the first receipt, and /privacy requests sent meanwhile');
    table([
      {
        'server ready': `${Math.round(ready)} ms`,
        'first receipt': `${Math.round(first.ms)} ms (${first.status})`,
        'pages meanwhile': pages.length,
        'worst page latency': `${Math.round(Math.max(0, ...pages))} ms`,
      },
    ]);
    return {
      readyMs: ready,
      firstReceiptMs: first.ms,
      status: first.status,
      pages: pages.length,
      worstPageMs: Math.max(0, ...pages),
    };
  } finally {
    await stop();
  }
}
