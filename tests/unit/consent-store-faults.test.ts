import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {tempDir} from '../support/temp-dirs';

// Issue 26, H2: on a full disk, the embedded engine's switch to a new WAL segment spun for good —
// every receipt hung, health never answered, nothing was logged, and once the server stopped, the
// orphaned engine kept the folder's lock. tests/support/full-disk-scenario.ts runs it for real, in
// a mount namespace of its own (util-linux's unshare) where two small tmpfs are the data folders.
describe('the embedded store on a disk that fills up', () => {
  it('misses no deadline for good, loses no acknowledged receipt, and dies with its server', () => {
    const [first, second] = [tempDir('heyimg-full-'), tempDir('heyimg-full-')];
    const script = [
      `mount -t tmpfs -o size=64m tmpfs ${first}`,
      `mount -t tmpfs -o size=64m tmpfs ${second}`,
      `exec node --import tsx tests/support/full-disk-scenario.ts scenario ${first} ${second}`,
    ].join(' && ');
    // --map-root-user: a user namespace lets an unprivileged user mount a tmpfs there, and nothing
    // is mounted on the machine itself, whatever happens.
    const run = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (run.error || (run.status !== 0 && /unshare|mount/.test(run.stderr)))
      throw new Error(
        `This test needs util-linux's unshare and user namespaces (Debian has both): ${run.error ?? run.stderr}`,
      );
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    // Receipts were acknowledged until the disk was full, and every one is there after it is freed.
    expect(result.acknowledged).toBeGreaterThan(0);
    expect(result.refused).toBeGreaterThan(0);
    expect(result.lost).toBe(0);
    // The statement that hung for good fails at its deadline, and the engine is restarted.
    expect(result.hang).toMatch(/did not answer within 3 s and was restarted|engine stopped/);
    // A server killed while its engine hangs takes the engine with it, and the folder opens again.
    expect(result.parentSaw).toBe('hanging');
    expect(result.engineOutlivedServer).toBe(false);
    expect(result.reopenedAfterServerKilled).toBe(true);
  }, 200_000);
});
