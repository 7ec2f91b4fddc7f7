import {createHash} from 'node:crypto';
import {mkdirSync, realpathSync, rmSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
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
  const releaseLock = await takeLock(dataDir);
  try {
    const db = await PGlite.create(dataDir);
    return await openSqlStore('embedded', {
      query: (sql, params) =>
        (params
          ? db.query(sql, params)
          : db.exec(sql).then((results) => ({rows: results.at(-1)?.rows ?? []}))) as never,
      transaction: (work) =>
        db.transaction((tx) =>
          work({
            query: (sql, params) =>
              (params ? tx.query(sql, params) : tx.exec(sql).then((r) => ({rows: r.at(-1)?.rows ?? []}))) as never,
          }),
        ),
      close: async () => {
        await db.close();
        await releaseLock();
      },
    });
  } catch (error) {
    await releaseLock();
    throw error;
  }
}

/** Who holds a folder: what the owner answers on its lock socket. */
interface Owner {
  pid: number;
  command: string;
}

/**
 * The folder's lock is a Unix socket that the owning process listens on: the operating system
 * releases it when the process ends, however it ends, so a stale lock never blocks (a socket nobody
 * listens on is removed and taken), and a live owner answers with its pid and command line.
 */
async function takeLock(dataDir: string): Promise<() => Promise<void>> {
  const folder = realpathSync(dataDir);
  // Socket paths are limited to ~100 bytes: named after the folder, in the temporary directory.
  const socketPath = path.join(
    tmpdir(),
    `heyimg-store-${createHash('sha256').update(folder).digest('hex').slice(0, 16)}.sock`,
  );
  const me: Owner = {pid: process.pid, command: process.argv.join(' ')};
  const server = net.createServer((socket) => socket.end(JSON.stringify(me)));
  server.unref();
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(socketPath, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return () => new Promise<void>((resolve) => server.close(() => resolve()));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt > 0) throw error;
      const owner = await askOwner(socketPath);
      if (owner) {
        throw new Error(
          `埋め込みの同意ストア ${folder} はプロセス ${owner.pid}（${owner.command}）が使用中です。そのプロセスを止めてから実行するか、DATABASE_URL で PostgreSQL を使ってください。 / The embedded consent store ${folder} is in use by process ${owner.pid} (${owner.command}); stop it first or use DATABASE_URL.`,
        );
      }
      rmSync(socketPath, {force: true});
    }
  }
}

function askOwner(socketPath: string): Promise<Owner | null> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(socketPath);
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(answer) as Owner);
      } catch {
        resolve({pid: 0, command: 'unknown'});
      }
    });
    // Refused or gone: nobody listens, the lock is stale.
    socket.on('error', () => resolve(null));
    socket.on('timeout', () => resolve(null));
  });
}
