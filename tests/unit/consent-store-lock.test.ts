import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {mkdirSync, realpathSync, rmSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {openEmbeddedStore} from '@/lib/consent/store/embedded';
import {id, receipt} from '../support/consent-store';
import {removeAfter, tempDir} from '../support/temp-dirs';

// Issue 19, finding 3: one server per data folder, by an OS lock inside the folder.
describe('embedded store lock', () => {
  it('refuses a second process with one line naming the folder and the owner; a killed owner leaves no lock', async () => {
    const dir = tempDir('heyimg-lock-');
    // Another process opens the store and keeps it.
    const owner = spawn(
      'npx',
      [
        'tsx',
        '-e',
        `import('./lib/consent/store/embedded').then(m => m.openEmbeddedStore(${JSON.stringify(dir)})).then(() => { console.log('open'); setInterval(() => {}, 1000); })`,
      ],
      {stdio: ['ignore', 'pipe', 'inherit'], detached: true},
    );
    await new Promise<void>((resolve) => owner.stdout!.on('data', (d) => String(d).includes('open') && resolve()));
    const refused = await openEmbeddedStore(dir).catch((error: Error) => error);
    expect(String(refused)).toMatch(
      new RegExp(`${realpathSync(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} はプロセス \\d+（[^）]+）が使用中です`),
    );
    // kill -9: no cleanup runs, yet the lock is the owner's socket, which the system closes.
    const exited = new Promise((resolve) => owner.once('exit', resolve));
    process.kill(-owner.pid!, 'SIGKILL'); // npx and the node process under it
    await exited;
    const store = await openEmbeddedStore(dir);
    await store.close();
  }, 240_000);

  it('holds by any path: a symlink, a bind mount, another TMPDIR, its owner file deleted; 0 receipts lost', async () => {
    const dir = tempDir('heyimg-lock-');
    const other = tempDir('heyimg-lock-other-');
    const link = `${dir}-link`;
    symlinkSync(dir, link);
    removeAfter(link);
    const store = await openEmbeddedStore(dir);
    await store.append(receipt(1, {consentId: id(1)}));
    // Nothing in the folder or the temporary directory is the lock: deleting files frees nothing.
    rmSync(path.join(dir, 'heyimg-store.owner'));
    await expect(openEmbeddedStore(link)).rejects.toThrow(/is in use by another process/);
    const second = spawnSync(
      'npx',
      [
        'tsx',
        '-e',
        `import('./lib/consent/store/embedded').then(m => m.openEmbeddedStore(${JSON.stringify(link)})).then(() => process.exit(0), (e) => { console.error(String(e)); process.exit(3); })`,
      ],
      {env: {...process.env, TMPDIR: other}, encoding: 'utf8'},
    );
    expect(second.status).toBe(3);
    expect(second.stderr).toMatch(/is in use by/);
    // A bind mount (two containers on one volume) is the same folder to the kernel's lock.
    const mounted = path.join(other, 'mounted');
    mkdirSync(mounted);
    if (spawnSync('mount', ['--bind', dir, mounted]).status === 0) {
      try {
        await expect(openEmbeddedStore(mounted)).rejects.toThrow(/is in use/);
      } finally {
        spawnSync('umount', [mounted]);
      }
    } else console.warn('mount --bind is not permitted here: the bind-mount case was not run.');
    await store.close();
    const reopened = await openEmbeddedStore(link);
    expect(await reopened.list(id(1))).toHaveLength(1);
    await reopened.close();
  }, 240_000);

  it('holds without flock(1), as on macOS: perl takes the same lock, and each refuses the other', async () => {
    const dir = tempDir('heyimg-lock-');
    // A PATH with perl and nothing else: the engine cannot find flock(1).
    const bin = tempDir('heyimg-bin-');
    symlinkSync(execFileSync('sh', ['-c', 'command -v perl'], {encoding: 'utf8'}).trim(), path.join(bin, 'perl'));
    // The store opened by a process that finds only perl; `hold` keeps it open until killed.
    const withPerl = (hold: boolean) =>
      spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('./lib/consent/store/embedded').then(m => m.openEmbeddedStore(${JSON.stringify(dir)})).then(async (s) => { console.log('open'); if (${hold}) setInterval(() => {}, 1000); else { await s.close(); process.exit(0); } }, (e) => { console.error(String(e)); process.exit(3); })`,
        ],
        // A group of its own: killing it kills its engine and the engine's lock holder too.
        {env: {...process.env, PATH: bin}, stdio: ['ignore', 'pipe', 'pipe'], detached: true},
      );
    const outcome = (child: ReturnType<typeof withPerl>) =>
      new Promise<{opened: boolean; stderr: string}>((resolve) => {
        let stderr = '';
        child.stderr!.on('data', (chunk) => (stderr += chunk));
        child.stdout!.on('data', (chunk) => String(chunk).includes('open') && resolve({opened: true, stderr}));
        child.once('exit', () => resolve({opened: false, stderr}));
      });
    // flock(1) holds the folder: perl is refused.
    const store = await openEmbeddedStore(dir);
    const refused = await outcome(withPerl(false));
    expect(refused.opened).toBe(false);
    expect(refused.stderr).toMatch(/is in use by/);
    await store.close();
    // perl holds the folder: flock(1) is refused; once perl's holder is gone, the folder is free.
    const holder = withPerl(true);
    expect(await outcome(holder)).toEqual({opened: true, stderr: ''});
    await expect(openEmbeddedStore(dir)).rejects.toThrow(/is in use/);
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    process.kill(-holder.pid!, 'SIGKILL');
    await exited;
    await (await openEmbeddedStore(dir)).close();
  }, 240_000);
});
