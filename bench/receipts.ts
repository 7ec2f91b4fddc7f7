import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {CONSENT_CONTRACT, CONSENT_COOKIE} from '../lib/consent/contract';
import {registryFingerprint} from '../lib/consent/registry';
import {cookieRegistry} from '../lib/consent/site-registry';
import {openEmbeddedStore} from '../lib/consent/store/embedded';
import {openPostgresStore} from '../lib/consent/store/postgres';
import type {ConsentStore} from '../lib/consent/store/types';
import {startPgCluster} from '../tests/support/postgres-cluster';
import {startNext, table} from './lib';

const hex = (n: number) => n.toString(16).padStart(32, '0');
const REGISTRY = registryFingerprint(cookieRegistry);

/** A burst of `total` receipts from `clients` concurrent clients through /api/consent; then counts what is stored. */
async function burst(origin: string, total: number, clients: number) {
  const acknowledged: string[] = [];
  let failed = 0;
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
      const response = await fetch(`${origin}/api/consent`, {
        method: 'POST',
        headers: {'content-type': 'application/json', origin, cookie},
        body: JSON.stringify({record}),
      }).catch(() => null);
      if (response && (response.status === 201 || response.status === 200)) acknowledged.push(record.id);
      else failed++;
    }
  };
  await Promise.all(Array.from({length: clients}, client));
  return {acknowledged, failed, seconds: (performance.now() - started) / 1000};
}

async function measure(
  mode: string,
  port: number,
  env: Record<string, string>,
  openStore: () => Promise<ConsentStore>,
  total: number,
  clients: number,
) {
  const stop = await startNext(port, env);
  let result;
  try {
    result = await burst(`http://127.0.0.1:${port}`, total, clients);
  } finally {
    await stop();
  }
  // Count from the store itself, once the server has let go of it (the embedded store has one owner).
  let store: ConsentStore | null = null;
  for (let attempt = 0; !store; attempt++) {
    store = await openStore().catch((error) => {
      if (attempt >= 50) throw error;
      return new Promise<null>((resolve) => setTimeout(() => resolve(null), 200));
    });
  }
  const stored = new Set<string>();
  for await (const receipt of store.export(new Date(0), new Date(Date.now() + 60_000))) stored.add(receipt.consentId);
  await store.close();
  const lost = result.acknowledged.filter((id) => !stored.has(id)).length;
  return {
    store: mode,
    sent: total,
    acknowledged: result.acknowledged.length,
    'not acknowledged': result.failed,
    stored: stored.size,
    lost,
    seconds: result.seconds.toFixed(1),
    'receipts/s': Math.round(result.acknowledged.length / result.seconds),
  };
}

/** Receipts per second on the embedded store and on PostgreSQL, and how many were lost (goal 0). */
export async function receiptsBench(port: number, total: number, clients: number) {
  const rows = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-receipts-'));
  rows.push(
    await measure(
      'embedded (PGlite)',
      port,
      {CONSENT_DATA_DIR: dataDir},
      () => openEmbeddedStore(dataDir),
      total,
      clients,
    ),
  );
  const cluster = await startPgCluster();
  if (cluster) {
    try {
      rows.push(
        await measure(
          'PostgreSQL',
          port,
          {DATABASE_URL: cluster.url},
          () => openPostgresStore(cluster.url),
          total,
          clients,
        ),
      );
    } finally {
      cluster.destroy();
    }
  } else {
    console.log('  (PostgreSQL is not installed: apt-get install postgresql to measure it too)');
  }
  console.log(`\nConsent receipts: a burst of ${total} from ${clients} concurrent clients through POST /api/consent`);
  table(rows);
  return rows;
}

/**
 * What "acknowledged means on disk" costs: sequential appends on the embedded store, each waiting
 * for its commit's fsync, with the settings that make it so.
 */
export async function writeCost(count: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-write-cost-'));
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
