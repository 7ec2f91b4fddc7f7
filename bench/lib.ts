import {spawn, type ChildProcess} from 'node:child_process';
import {chmodSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {rawRequest} from '../tests/support/raw-request';
import {gzipSync} from 'node:zlib';

/**
 * One folder for everything a bench run writes — stores of a gigabyte at 1,000,000 receipts, the
 * limit's nginx, Lighthouse's reports — removed when the run ends, however it ends: runs before
 * this left 1.1 GB behind each.
 */
const SCRATCH = mkdtempSync(path.join(tmpdir(), 'heyimg-bench-'));
// Passable to nginx's worker (nobody), which serves the limit from a folder in it; each folder in
// it is private (0700) unless made otherwise.
chmodSync(SCRATCH, 0o755);
process.on('exit', () => rmSync(SCRATCH, {recursive: true, force: true}));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/** A new folder of this run's own (removed with the run). */
export const scratchDir = (prefix: string) => mkdtempSync(path.join(SCRATCH, prefix));

export const gzipBytes = (data: string | Uint8Array) => gzipSync(data, {level: 9}).byteLength;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function table(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(keys));
  for (const row of rows) console.log(line(keys.map((k) => String(row[k]))));
}

export async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

/**
 * One request over a connection of its own, closed after the answer (tests/support/raw-request.ts).
 * fetch keeps connections alive: a pooled one would keep a stopping server from ever closing, and
 * answer the next start's first probe from the old server.
 */
export async function once(
  port: number,
  path: string,
  init: {method?: string; headers?: Record<string, string>; body?: string} = {},
) {
  const answer = await rawRequest({host: '127.0.0.1', port}, init.method ?? 'GET', path, init.headers, init.body);
  return {status: answer.status, headers: answer.headers, body: answer.body.toString('utf8')};
}

/** Until nothing answers on the port: the next server started there must not meet this one. */
export async function untilClosed(port: number): Promise<void> {
  while (
    await once(port, '/').then(
      () => true,
      () => false,
    )
  )
    await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * A server on a port, stopped by the returned function: the site's own (scripts/server.ts, npm
 * start's), or with `cwd`, `next start` in that folder (the floor, a bare Next app).
 */
export async function startNext(
  port: number,
  env: Record<string, string> = {},
  cwd?: string,
): Promise<() => Promise<void>> {
  const [command, args] = cwd
    ? ['npx', ['next', 'start', '-p', String(port)]]
    : ['node', ['--import', 'tsx', 'scripts/server.ts']];
  const child: ChildProcess = spawn(command, args, {
    cwd,
    stdio: 'ignore',
    detached: true,
    env: {...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), ...env},
  });
  await waitFor(`http://127.0.0.1:${port}${cwd ? '/' : '/privacy'}`);
  return async () => {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
    });
    await untilClosed(port);
  };
}

export function run(command: string, args: string[], env: Record<string, string> = {}, cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {env: {...process.env, ...env}, cwd});
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${out.slice(-2000)}`)),
    );
  });
}
