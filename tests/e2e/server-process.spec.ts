import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {connect} from 'node:net';
import {expect, test} from '@playwright/test';
import {openEmbeddedStore} from '@/lib/consent/store/embedded';
import {isAlive} from '../support/processes';
import {rawRequest} from '../support/raw-request';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

// The site's server as a process of its own (scripts/server.ts, what npm start runs), started by
// these tests on the build npm test made, with its log in hand: what happens in its first instant,
// what a flood of broken requests writes to the log, and what its stop leaves behind (issue 26:
// L1, M1, H2; issue 29: one way in).
test.describe.configure({mode: 'serial'});

const PORT = Number(process.env.E2E_PORT ?? 3210) + 7;

interface Server {
  process: ChildProcess;
  log: () => string;
  dataDir: string;
}

const dataDirs: string[] = [];
test.afterAll(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, {recursive: true, force: true});
});

function startServer(dataDir = mkdtempSync(path.join(tmpdir(), 'heyimg-server-'))): Server {
  dataDirs.push(dataDir);
  const child = spawn('node', ['--import', 'tsx', 'scripts/server.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-test',
      CONSENT_DATA_DIR: dataDir,
      E2E_FIXTURES: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  return {process: child, log: () => log, dataDir};
}

const ask = (method: string, path: string, headers: Record<string, string> = {}) =>
  rawRequest({host: '127.0.0.1', port: PORT}, method, path, headers);

async function untilUp(): Promise<void> {
  await expect
    .poll(
      () =>
        ask('GET', '/privacy').then(
          (a) => a.status,
          () => 0,
        ),
      {timeout: 60_000},
    )
    .toBe(200);
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

/** The embedded store's engine: the server's child process running embedded-engine.mjs. */
const enginePid = (server: Server) =>
  Number(
    execFileSync('pgrep', ['-P', String(server.process.pid), '-f', 'embedded-engine.mjs'], {encoding: 'utf8'})
      .trim()
      .split('\n')[0],
  );

/** A POST whose body is cut off mid-way: the client announces 1,000 bytes, sends 10 and resets. */
const truncatedPost = (path: string) =>
  new Promise<void>((resolve) => {
    const socket = connect(PORT, '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nContent-Type: application/json\r\nOrigin: http://127.0.0.1:${PORT}\r\nContent-Length: 1000\r\n\r\n0123456789`,
      );
      setTimeout(() => socket.resetAndDestroy(), 20);
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve());
  });

test('answers every request from the first one it accepts: never a 500, never Next without the checks', async () => {
  const server = startServer();
  const answers: number[] = [];
  try {
    // Ask from before the server listens: a refused connection is no answer; every answer counts.
    while (!answers.includes(200)) {
      for (const [method, path] of [
        ['TRACE', '/privacy'],
        ['GET', '*'],
        ['GET', '/privacy'],
      ] as const) {
        const status = await ask(method, path).then(
          (a) => a.status,
          () => null,
        );
        if (status !== null) answers.push(status);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(answers.filter((status) => status >= 500)).toEqual([]);
    expect(new Set(answers)).toEqual(new Set([405, 400, 200]));
  } finally {
    server.process.kill('SIGTERM');
    await stopped(server.process);
  }
});

test('a flood of cut-off bodies and image misses writes nothing to the log', async () => {
  const server = startServer();
  try {
    await untilUp();
    const before = server.log().split('\n').length;
    for (let i = 0; i < 40; i++)
      await Promise.all(
        ['/api/consent', '/api/consent/receipts/' + '0'.repeat(32), '/privacy', '/api/health'].map(truncatedPost),
      );
    for (let i = 0; i < 40; i++) await ask('GET', `/_next/image?url=%2Fnope${i}.png&w=64&q=75`);
    // The server is still up and answering.
    expect((await ask('GET', '/privacy')).status).toBe(200);
    expect(server.log().split('\n').length - before, server.log()).toBeLessThanOrEqual(1);
  } finally {
    server.process.kill('SIGTERM');
    await stopped(server.process);
  }
});

test('its stop ends the store’s engine and frees the folder, however the server ends', async () => {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    const server = startServer();
    await untilUp();
    await expect.poll(() => ask('GET', '/api/health').then((a) => a.status), {timeout: 60_000}).toBe(200);
    const engine = enginePid(server);
    expect(isAlive(engine)).toBe(true);
    server.process.kill(signal);
    await stopped(server.process);
    await expect
      .poll(() => isAlive(engine), {timeout: 10_000, message: `${signal}: the engine outlived it`})
      .toBe(false);
    // The folder is free: another process opens the store at once.
    const store = await openEmbeddedStore(server.dataDir);
    await store.close();
  }
});
