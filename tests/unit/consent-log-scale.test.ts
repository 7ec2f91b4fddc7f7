import {spawn, type ChildProcess} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {openPostgresStore} from '@/lib/consent/store/postgres';
import {logKeyFromSeed} from '@/lib/consent/transparency/keys';
import {pgClusterOfThisFile} from '../support/pg-cluster-of-file';
import {postgresBinDir} from '../support/postgres-cluster';

// Two app instances — real, separate Node processes, each with its own pool — append to one
// PostgreSQL log at once; one is killed with SIGKILL in the middle of its stream. The database
// orders their entries: no index is taken twice or skipped, every acknowledged receipt is there,
// and the log, with both instances' checkpoints, verifies.
const pgCluster = pgClusterOfThisFile();

const SEED = Buffer.alloc(32, 21);
const KEYS = `scale:${SEED.toString('base64')}`;

/** An instance writing `count` receipts from `first`; resolves its acknowledged ids as they come. */
function instance(first: number, count: number) {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/support/log-writer.ts', pgCluster()!.url, String(first), String(count)],
    {env: {...process.env, CONSENT_LOG_KEYS: KEYS}, stdio: ['ignore', 'pipe', 'pipe']},
  );
  const acknowledged: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) =>
    child.once('exit', (code, signal) => resolve({code, signal})),
  );
  return {child, acknowledged, exited, stderr: () => stderr};
}

describe.runIf(postgresBinDir())('two instances on one PostgreSQL log, one killed', () => {
  it('never forks the log and loses no acknowledged receipt', async () => {
    await (await openPostgresStore(pgCluster()!.url)).close(); // migrated once, before both start
    const survivor = instance(1_000_000, 1000);
    const victim = instance(2_000_000, 100_000);
    // Killed mid-stream, once it has written a fair share alongside the other.
    while (victim.acknowledged.length < 150) {
      const ended = await Promise.race([victim.exited, new Promise((resolve) => setTimeout(resolve, 50))]);
      if (ended) throw new Error(`the instance ended early: ${victim.stderr()}`);
    }
    victim.child.kill('SIGKILL');
    // The other was still writing: the kill fell into a stream of concurrent appends.
    expect(survivor.acknowledged.length).toBeLessThan(1000);
    expect((await victim.exited).signal).toBe('SIGKILL');
    const survived = await survivor.exited;
    expect(survived.code, survivor.stderr()).toBe(0);

    const store = await openPostgresStore(pgCluster()!.url);
    try {
      const stored = new Set<string>();
      const byIndex: string[] = [];
      for await (const r of store.export(new Date(0), new Date(Date.now() + 60_000))) {
        stored.add(r.consentId);
        byIndex[r.logIndex!] = r.consentId;
      }
      // The two streams are interleaved in the log, in the order the database decided.
      const victims = byIndex.map((consentId) => parseInt(consentId, 16) >= 2_000_000);
      const switches = victims.filter((victim, i) => i > 0 && victim !== victims[i - 1]).length;
      expect(switches).toBeGreaterThan(10);
      const acknowledged = [...survivor.acknowledged, ...victim.acknowledged];
      expect(survivor.acknowledged).toHaveLength(1000);
      expect(acknowledged.filter((consentId) => !stored.has(consentId))).toEqual([]);
      const result = await store.log.audit([logKeyFromSeed('scale', SEED)], 'heyimg.test/consent-log');
      expect(result.problem).toBeNull();
      // Dense: one entry per stored receipt, both instances' checkpoints among them.
      expect(result.entries).toBe(stored.size);
      expect(result.receipts).toBe(stored.size);
      expect(result.checkpoints).toBeGreaterThan(10);
    } finally {
      await store.close();
    }
  }, 180_000);
});
