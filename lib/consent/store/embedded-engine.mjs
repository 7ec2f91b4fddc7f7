// The embedded store's engine, in a process of its own: PGlite (PostgreSQL compiled to WASM) runs
// its start, its recovery and every query here, so a store that takes seconds to open never holds
// up a page of the server's one main thread, and its WASM memory is not the server's. Plain
// JavaScript, loaded by path with no loader flags (tsx's hooks deadlock PGlite's start in a worker
// thread). It stops when its parent goes, however the parent ends — even while PostgreSQL's code
// is stuck in a loop (a full disk at a WAL segment switch once spun one for good) — and the
// folder's lock goes with it.
//
// Arguments: the data folder, and optionally a template folder (an empty store made at build) that
// a folder without a store is made from, so that a new store opens as fast as an existing one.
// Protocol (IPC, advanced serialization): it answers {ready} or {held, owner} or {fatal}; then
// each {n, sql, params} with {n, rows} or {n, error, code}; {n, memory} with its peak RSS;
// {n, close} closes and exits.
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import {PGlite} from '@electric-sql/pglite';
import {NodeFS} from '@electric-sql/pglite/nodefs';

const [folder, template] = process.argv.slice(2);
const ownerFile = path.join(folder, 'heyimg-store.owner');
const HELD = 75; // the holder's exit status when another process holds the lock
process.on('disconnect', () => process.exit(0));

/**
 * 'disconnect' needs this thread's event loop, which a query stuck in WASM never gives back. A
 * watchdog thread of its own notices the parent is gone (this process is adopted: its parent pid
 * changes) and kills the whole process, which closes the lock holder's pipe and frees the folder.
 */
const watchdog = new Worker(
  `const parent = ${process.ppid};
   setInterval(() => { if (process.ppid !== parent) process.kill(${process.pid}, 'SIGKILL'); }, 200);`,
  {eval: true, resourceLimits: {maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 1}},
);
watchdog.unref();
/** Answers the parent; one that is gone (its 'disconnect' follows) is not an error. */
const reply = (message, then = () => {}) => {
  if (!process.connected) return then();
  process.send(message, () => then());
};

/**
 * What can hold an flock(2) for us (Node has no flock): util-linux's flock(1) (Linux), else perl's
 * flock (macOS ships perl, not flock(1)). Both lock the same kernel object, so they exclude each
 * other; each prints "locked" and holds the lock until its input, a pipe from this process, closes.
 */
const HOLDERS = [
  [
    'flock',
    ['--nonblock', '--conflict-exit-code', String(HELD), folder, 'sh', '-c', 'echo locked; exec cat >/dev/null'],
  ],
  [
    'perl',
    [
      '-MFcntl=:flock',
      '-e',
      `open(my $f, '<', $ARGV[0]) or die "$ARGV[0]: $!\n"; flock($f, LOCK_EX | LOCK_NB) or exit ${HELD}; $| = 1; print "locked\n"; 1 while <STDIN>;`,
      folder,
    ],
  ],
];

/**
 * An exclusive flock(2) on the data folder itself — not on a file in it that could be deleted, nor
 * on a name in a temporary directory — so every path to the folder (another TMPDIR, a symlink, a
 * bind mount in another container on the same kernel) meets the same lock. The holder process keeps
 * it as long as its input, a pipe from this process, is open: however this process ends, the lock
 * is released, and nothing stale is left behind.
 */
async function lockFolder() {
  const missing = [];
  for (const [command, args] of HOLDERS) {
    const result = await holdLock(command, args);
    if (!result.absent) return result;
    missing.push(`${command}: ${result.absent}`);
  }
  return {fatal: `flock(1) (util-linux) or perl is needed to lock the folder (${missing.join('; ')})`};
}

function holdLock(command, args) {
  return new Promise((resolve) => {
    const holder = spawn(command, args, {stdio: ['pipe', 'pipe', 'pipe']});
    let errors = '';
    holder.stderr.on('data', (chunk) => (errors += chunk));
    holder.on('error', (error) => resolve({absent: error.message}));
    holder.on('exit', (code) =>
      resolve(code === HELD ? {held: true} : {fatal: `${command} exited with ${code}: ${errors.trim()}`}),
    );
    holder.stdout.once('data', () => {
      holder.removeAllListeners('exit');
      resolve({holder});
    });
  });
}

/**
 * Emscripten's Node file system has no fsync: PostgreSQL's fsync and fdatasync would return
 * without reaching the disk. This one passes them to the operating system, so that a commit —
 * an acknowledged receipt — is on disk when PostgreSQL says so.
 */
class DurableNodeFS extends NodeFS {
  async init(pg, opts) {
    const result = await super.init(pg, opts);
    result.emscriptenOpts.preRun = [
      ...(result.emscriptenOpts.preRun ?? []),
      (module) => {
        module.NODEFS.stream_ops.fsync = (stream) => {
          if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
          return 0;
        };
      },
    ];
    return result;
  }
}

function describe(error) {
  if (typeof error?.message === 'string') return error.message;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * A folder without a store (no PG_VERSION) becomes a copy of the template, an empty store with
 * every migration applied, made at build: PostgreSQL's initdb takes seconds, opening a store a few
 * hundred milliseconds. PG_VERSION is copied last, so an interrupted copy is made again. A plain
 * loop of copyFileSync (a clone where the file system can) takes a third less than fs.cpSync, which
 * checks every entry against its destination first: the copy is in a new store's first receipt.
 */
function fromTemplate() {
  const marker = 'PG_VERSION';
  if (fs.existsSync(path.join(folder, marker)) || !fs.existsSync(path.join(template, marker))) return;
  const skipped = new Set([marker, path.basename(ownerFile)]);
  const copy = (from, to) => {
    fs.mkdirSync(to, {recursive: true});
    for (const entry of fs.readdirSync(from, {withFileTypes: true})) {
      if (from === template && skipped.has(entry.name)) continue;
      const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
      if (entry.isDirectory()) copy(source, target);
      else fs.copyFileSync(source, target, fs.constants.COPYFILE_FICLONE);
    }
  };
  copy(template, folder);
  fs.copyFileSync(path.join(template, marker), path.join(folder, marker));
}

const lock = await lockFolder();
if (!lock.holder) {
  let owner = null;
  try {
    owner = JSON.parse(fs.readFileSync(ownerFile, 'utf8'));
  } catch {
    // The owner file is only a courtesy: the lock holds without it.
  }
  reply(lock.held ? {held: true, owner} : {fatal: lock.fatal}, () => process.exit(0));
} else {
  fs.writeFileSync(ownerFile, JSON.stringify({pid: process.ppid, command: process.env.HEYIMG_STORE_OWNER ?? ''}));
  let db;
  try {
    if (template) fromTemplate();
    // PGlite starts PostgreSQL with -F (fsync off): the same parameters without it, and WAL
    // flushed with fsync (Emscripten's fdatasync, PostgreSQL's default here, does nothing). The
    // engine's memory is WASM memory, which never shrinks: a small buffer pool keeps a
    // 1,000,000-receipt export within budget (its pages are read once, in index order): 16 MB
    // peaked at 148–154 MB once the rows carried their log index, 8 MB at 140, in the same time.
    const startParams = [
      ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
      ...['-c', 'wal_sync_method=fsync', '-c', 'shared_buffers=8MB'],
    ];
    db = await PGlite.create({fs: new DurableNodeFS(folder), startParams});
    reply({ready: true});
  } catch (error) {
    reply({fatal: describe(error)}, () => process.exit(1));
  }
  process.on('message', async ({n, sql, params, close, memory}) => {
    try {
      if (memory) return reply({n, rows: [{peakKB: process.resourceUsage().maxRSS}]});
      if (close) {
        await db.close();
        await new Promise((resolve) => {
          lock.holder.once('exit', resolve);
          lock.holder.stdin.end();
        });
        reply({n, rows: []}, () => process.exit(0));
        return;
      }
      // exec runs several statements (a migration) and answers the last one's rows.
      const rows = params ? (await db.query(sql, params)).rows : ((await db.exec(sql)).at(-1)?.rows ?? []);
      reply({n, rows});
    } catch (error) {
      reply({n, error: describe(error), code: error?.code});
    }
  });
}
