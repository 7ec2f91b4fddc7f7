// The embedded store on a disk that fills up (tests/unit/consent-store-faults.test.ts). Run in a
// mount namespace of its own (unshare), where a small tmpfs is the data folder: nothing is mounted
// on the machine, whatever happens here. Prints one JSON line with what it saw.
//   scenario <folder> <other>   stream receipts into <folder> until its disk is full, make the engine
//                               switch WAL segments on the full disk, free the space, open again,
//                               count the receipts; then kill a server whose engine hangs on <other>
//   parent <folder>             (internal) that server: open a new store, fill the disk, make the
//                               engine hang, then wait to be killed
// Each folder is a small tmpfs of its own (a new store needs 39 MB, and recovery a free 16 MB).
import {execFileSync, spawn} from 'node:child_process';
import {rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {openEmbeddedEngine, openEmbeddedStore} from '@/lib/consent/store/embedded';
import {openSqlStore} from '@/lib/consent/store/sql-store';
import {id, receipt} from './consent-store';
import {isAlive} from './processes';

const [mode, folder, other] = process.argv.slice(2) as ['scenario' | 'parent', string, string];
const fillerIn = (dir: string) => path.join(dir, 'filler');
const filler = fillerIn(folder);
/** Fills what is left of the disk. */
const fill = () => {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M'], {stdio: 'ignore'});
  } catch {
    // dd ends with "No space left on device": that is the point.
  }
};
/** What the probe ran: on a full disk, PostgreSQL's switch to a new WAL segment never returned. */
const SWITCH_WAL =
  'UPDATE schema_migrations SET name = name; SELECT pg_switch_wal(); UPDATE schema_migrations SET name = name';

if (mode === 'parent') {
  const engine = await openEmbeddedEngine(folder, {queryDeadlineMs: 600_000});
  await openSqlStore('embedded', engine);
  fill();
  let settled = false;
  void engine.query(SWITCH_WAL).then(
    () => (settled = true),
    () => (settled = true),
  );
  // Stuck means still unanswered a while later (the switch takes milliseconds when it works).
  setTimeout(() => console.log(settled ? 'answered' : 'hanging'), 1_000);
  setInterval(() => {}, 1000);
} else {
  const started = Date.now();
  // 1. Receipts until the disk is full: every acknowledged one is remembered.
  const acknowledged: string[] = [];
  const client = await openEmbeddedEngine(folder, {queryDeadlineMs: 3_000});
  let store = await openSqlStore('embedded', client);
  let refused = 0;
  for (let n = 1; refused < 20 && n < 200_000; n++) {
    if (n === 200) fill();
    const r = receipt(n, {consentId: id(100_000 + n), recordedAt: new Date(Date.UTC(2026, 0, 1) + n)});
    try {
      if ((await store.append(r)) === 'stored') acknowledged.push(r.consentId);
    } catch {
      refused++;
    }
  }
  // 2. The switch that hung the engine for good: now it misses its deadline and the engine is killed
  //    (unless a write of the stream already met the same fate: the engine is gone either way).
  const hang = await client.query(SWITCH_WAL).then(
    () => 'answered',
    (error: Error) => error.message,
  );
  // 3. Space again: the store opens (the killed engine left no lock) and holds every acknowledged receipt.
  rmSync(filler, {force: true});
  store = await openEmbeddedStore(folder);
  const stored = new Set<string>();
  for await (const r of store.export(new Date(0), new Date(Date.now() + 60_000))) stored.add(r.consentId);
  await store.close();
  // 4. A server killed while its engine hangs: the engine goes with it, and the folder is free.
  const parent = spawn(process.execPath, [...process.execArgv, process.argv[1]!, 'parent', other], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const parentSaw = await new Promise<string>((resolve) =>
    parent.stdout!.once('data', (d) => resolve(String(d).trim())),
  );
  const engine = Number(
    execFileSync('pgrep', ['-P', String(parent.pid)], {encoding: 'utf8'})
      .trim()
      .split('\n')[0],
  );
  parent.kill('SIGKILL');
  let waited = 0;
  while (isAlive(engine) && waited < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    waited += 100;
  }
  const engineOutlived = isAlive(engine);
  if (engineOutlived) process.kill(engine, 'SIGKILL');
  rmSync(fillerIn(other), {force: true});
  const reopened = await openEmbeddedStore(other).then(
    async (s) => (await s.close(), true),
    () => false,
  );
  writeFileSync(
    1,
    JSON.stringify({
      acknowledged: acknowledged.length,
      lost: acknowledged.filter((a) => !stored.has(a)).length,
      refused,
      hang,
      parentSaw,
      engineOutlivedServer: engineOutlived,
      reopenedAfterServerKilled: reopened,
      seconds: Math.round((Date.now() - started) / 1000),
    }) + '\n',
  );
  process.exit(0);
}
