import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {PGlite} from '@electric-sql/pglite';
import {openSqlStore} from './sql-store';
import type {ConsentStore} from './types';

/**
 * The default store: PGlite (PostgreSQL compiled to WASM) in a data folder, nothing to install or
 * start, and the same SQL as the server mode. One process owns the folder at a time.
 */
export async function openEmbeddedStore(dataDir: string): Promise<ConsentStore> {
  mkdirSync(dataDir, {recursive: true});
  const releaseLock = takeLock(dataDir);
  const db = await PGlite.create(dataDir);
  return openSqlStore('embedded', {
    query: (sql, params) =>
      (params ? db.query(sql, params) : db.exec(sql).then((results) => ({rows: results.at(-1)?.rows ?? []}))) as never,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: (sql, params) =>
            (params ? tx.query(sql, params) : tx.exec(sql).then((r) => ({rows: r.at(-1)?.rows ?? []}))) as never,
        }),
      ),
    close: async () => {
      await db.close();
      releaseLock();
    },
  });
}

/** PGlite must not be opened by two processes at once: a pid lock file says who has it. */
function takeLock(dataDir: string): () => void {
  const lock = path.join(dataDir, 'heyimg-store.lock');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `埋め込みの同意ストア ${dataDir} はプロセス ${pid}（起動中のサーバーなど）が使用中です。サーバーを止めてから実行するか、DATABASE_URL で PostgreSQL を使ってください。 / The embedded consent store is in use by process ${pid}; stop the server first or use DATABASE_URL.`,
      );
    }
  }
  writeFileSync(lock, String(process.pid));
  return () => rmSync(lock, {force: true});
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
