import type {ChildProcess} from 'node:child_process';
import {mkdirSync, realpathSync} from 'node:fs';
import path from 'node:path';
import {openSqlStore} from './sql-store';
import type {ConsentStore, SqlClient} from './types';

/**
 * The default store: PGlite (PostgreSQL compiled to WASM) in a data folder, nothing to install or
 * start, and the same SQL as the server mode. The engine runs in a process of its own
 * (embedded-engine.mjs), with fsync on, and holds an OS lock on the folder: one process owns a
 * folder at a time, by whatever path it is reached. Every call to it has a deadline: an engine
 * that misses one is killed (its lock goes with it) and the store is opened again, so a stuck
 * engine never holds a receipt, the health check or the folder for good.
 */

export interface EngineOptions {
  /** An empty store made at build (scripts/store-template.ts): a new folder starts as its copy. */
  template?: string;
  /** How long the engine may take to open the store (a new one runs initdb). */
  openDeadlineMs?: number;
  /** How long one statement may take before the engine is taken for stuck and killed. */
  queryDeadlineMs?: number;
}

/**
 * The server's deadlines, from the environment: a receipt's statements take milliseconds, and an
 * operator's export reads one page of rows per statement, so 15 s is a stuck engine, never a slow
 * one; opening (initdb, or recovery after a crash) gets a minute.
 */
export function engineDeadlines(env: NodeJS.ProcessEnv = process.env): Required<Omit<EngineOptions, 'template'>> {
  const ms = (value: string | undefined, fallback: number) =>
    Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback;
  return {
    openDeadlineMs: ms(env.CONSENT_STORE_OPEN_DEADLINE_MS, 60_000),
    queryDeadlineMs: ms(env.CONSENT_STORE_QUERY_DEADLINE_MS, 15_000),
  };
}

/** Engines of this process: killed when it exits, however that happens in Node (crash included). */
const engines = new Set<ChildProcess>();
process.once('exit', () => {
  for (const engine of engines) engine.kill('SIGKILL');
});

/** Loaded by path: next start, tsx and vitest all run from the project's root. */
const enginePath = () => path.join(process.cwd(), 'lib', 'consent', 'store', 'embedded-engine.mjs');

type Hello = {ready?: true; held?: true; owner?: {pid: number; command: string} | null; fatal?: string};
type Reply = {n: number; rows?: unknown[]; error?: string; code?: string};

/** How long one statement of a migration may take: one may rewrite every row of a large store. */
const MIGRATION_DEADLINE_MS = 30 * 60_000;

export async function openEmbeddedStore(dataDir: string, options: EngineOptions = {}): Promise<ConsentStore> {
  const client = await openEmbeddedEngine(dataDir, options);
  try {
    const store = await openSqlStore('embedded', client, client.patient(MIGRATION_DEADLINE_MS));
    return {...store, enginePeakMemoryMB: client.peakMemoryMB, lost: client.lost};
  } catch (error) {
    await client.close();
    throw error;
  }
}

/** The engine alone, as an SQL client (the store's, and the bench's for bulk data). */
export async function openEmbeddedEngine(dataDir: string, options: EngineOptions = {}): Promise<EngineClient> {
  const {openDeadlineMs, queryDeadlineMs} = {...engineDeadlines(), ...options};
  mkdirSync(dataDir, {recursive: true});
  const folder = realpathSync(dataDir);
  // Taken at run time: a bundler would otherwise try to bundle whatever fork() is given. It is
  // synchronous, so the engine is spawned in the same turn as the call: the server starts opening
  // the store before it loads Next, which holds the main thread for a few hundred milliseconds.
  const {fork} = process.getBuiltinModule('node:child_process');
  const engine = fork(enginePath(), [folder, ...(options.template ? [options.template] : [])], {
    // Memory, measured on an export of 1,000,000 receipts (goal ≤ 150 MB): V8's optimizing tier
    // for PostgreSQL's WASM code costs ~45 MB and saves no time on this workload (226 → 181 MB,
    // 71 → 67 s); a young generation of 1 MB instead of 16 keeps the pages of rows in flight from
    // inflating the heap (→ 143 MB, 77 s).
    execArgv: ['--liftoff-only', '--max-semi-space-size=1'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {...process.env, HEYIMG_STORE_OWNER: process.argv.join(' ')},
  });
  engines.add(engine);
  engine.once('exit', () => engines.delete(engine));
  let timer: NodeJS.Timeout | undefined;
  try {
    const hello = await new Promise<Hello>((resolve, reject) => {
      engine.once('message', resolve);
      engine.once('error', reject);
      engine.once('exit', (code) =>
        reject(new Error(`the embedded store's engine stopped (exit ${code}) while opening`)),
      );
      timer = setTimeout(
        () => reject(new Error(`the embedded store did not open within ${openDeadlineMs / 1000} s`)),
        openDeadlineMs,
      );
    });
    if (hello.held) throw new Error(inUseMessage(folder, hello.owner));
    if (!hello.ready) throw new Error(`The embedded consent store ${folder} cannot open: ${hello.fatal}`);
    return engineClient(engine, queryDeadlineMs);
  } catch (error) {
    engine.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function inUseMessage(folder: string, owner: Hello['owner']): string {
  const who = owner ? `process ${owner.pid} (${owner.command})` : 'another process';
  const whoJa = owner ? `プロセス ${owner.pid}（${owner.command}）` : '別のプロセス';
  return `埋め込みの同意ストア ${folder} は${whoJa}が使用中です。そのプロセスを止めてから実行するか、DATABASE_URL で PostgreSQL を使ってください。 / The embedded consent store ${folder} is in use by ${who}; stop it first or use DATABASE_URL.`;
}

/**
 * The SQL client over the engine process: one query at a time on its single connection, a
 * transaction holding it from BEGIN to COMMIT.
 */
type EngineClient = SqlClient & {
  peakMemoryMB: () => Promise<number>;
  lost: () => Error | null;
  /** The same connection, each of its statements with a longer deadline of its own. */
  patient: (deadlineMs: number) => Pick<SqlClient, 'query' | 'transaction'>;
};

function engineClient(engine: ChildProcess, deadlineMs: number): EngineClient {
  type Pending = {resolve: (rows: unknown[]) => void; reject: (error: Error) => void; timer: NodeJS.Timeout};
  const pending = new Map<number, Pending>();
  let next = 0;
  let stopped: Error | null = null;
  engine.removeAllListeners();
  engine.once('exit', () => engines.delete(engine));
  // An open store must not keep an operator's command alive, but an unanswered query must.
  const settle = (n: number) => {
    clearTimeout(pending.get(n)?.timer);
    pending.delete(n);
    if (pending.size === 0) engine.channel?.unref();
  };
  /** Every call still waiting fails with the reason the engine is gone. */
  const failPending = () => {
    for (const {reject, timer} of pending.values()) {
      clearTimeout(timer);
      reject(stopped!);
    }
    pending.clear();
  };
  /**
   * A statement past its deadline: the engine is stuck (its CPU spinning, no system calls). It is
   * killed — its lock goes with it — and whatever waits on it fails now, not when its exit is seen.
   */
  const stuck = (ms: number) => () => {
    stopped ??= new Error(`the embedded store did not answer within ${ms / 1000} s and was restarted`);
    engine.kill('SIGKILL');
    failPending();
  };
  engine.on('message', ({n, rows, error, code}: Reply) => {
    const waiting = pending.get(n);
    settle(n);
    if (!waiting) return;
    if (error === undefined) waiting.resolve(rows ?? []);
    else waiting.reject(Object.assign(new Error(error), code ? {code} : {}));
  });
  engine.on('exit', (code, signal) => {
    stopped ??= new Error(`the embedded store's engine stopped (${signal ?? `exit ${code}`})`);
    failPending();
  });
  engine.unref();
  engine.channel?.unref();

  const send = (message: {sql?: string; params?: unknown[]; close?: true; memory?: true}, ms = deadlineMs) =>
    new Promise<unknown[]>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const n = next++;
      pending.set(n, {resolve, reject, timer: setTimeout(stuck(ms), ms)});
      engine.channel?.ref();
      engine.send({n, ...message});
    });
  const runWithin =
    (ms: number) =>
    <T>(sql: string, params?: unknown[]) =>
      send({sql, params}, ms).then((rows) => ({rows: rows as T[]}));

  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => {});
    return result;
  };

  /** Statements one at a time on the one connection, each within `ms`; a transaction holds it throughout. */
  const connection = (ms: number): Pick<SqlClient, 'query' | 'transaction'> => {
    const run = runWithin(ms);
    return {
      query: (sql, params) => exclusive(() => run(sql, params)),
      transaction: (work) =>
        exclusive(async () => {
          await run('BEGIN');
          try {
            const result = await work({query: run});
            await run('COMMIT');
            return result;
          } catch (error) {
            await run('ROLLBACK').catch(() => {});
            throw error;
          }
        }),
    };
  };

  let closing = false;
  return {
    lost: () => (closing ? null : stopped),
    peakMemoryMB: async () => {
      const [{peakKB}] = (await send({memory: true})) as [{peakKB: number}];
      return peakKB / 1024;
    },
    ...connection(deadlineMs),
    patient: connection,
    close: () =>
      exclusive(async () => {
        if (stopped) return;
        closing = true;
        engine.ref(); // until it has closed its files and let go of the lock
        const exited = new Promise((resolve) => engine.once('exit', resolve));
        await send({close: true}).catch(() => {});
        await exited;
      }),
  };
}
