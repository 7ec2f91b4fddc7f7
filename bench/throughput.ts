import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {run, table, waitFor} from './lib';

type WrkResult = {
  server: string;
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  /** Failed responses and connection errors. */
  errors: number;
  /** Requests slower than wrk's 2 s timeout (counted apart: slow, not failed). */
  timeouts: number;
  requests: number;
};

const toMs = (value: string, unit: string) => Number(value) * ({us: 0.001, ms: 1, s: 1000}[unit] ?? NaN);

export function parseWrk(server: string, out: string): WrkResult {
  const latency = (p: string) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    return m ? Number(toMs(m[1]!, m[2]!).toFixed(2)) : NaN;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  const errors =
    (socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0) + (non2xx ? Number(non2xx[1]) : 0);
  const timeouts = socket ? Number(socket[4]) : 0;
  return {
    server,
    'req/s': Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    'p50 ms': latency('50'),
    'p99 ms': latency('99'),
    errors,
    timeouts,
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN),
  };
}

const wrk = (url: string, seconds: number, connections: number, gzip = true) =>
  run('wrk', [
    '-t2',
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    ...(gzip ? ['-H', 'Accept-Encoding: gzip'] : []),
    url,
  ]);

/** nginx (one worker, gzip level 6 like Next's) serving the very HTML `next build` prerendered. */
async function startNginx(port: number, dist: string): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-nginx-'));
  // /privacy is served as the prerendered page of the epoch in force (the build's manifest lists it).
  const manifest = JSON.parse(readFileSync(path.join(dist, 'csp-manifest.json'), 'utf8')) as {prerendered: object};
  const route = Object.keys(manifest.prerendered).find((r) => /^\/ja\/privacy\/[^/]+$/.test(r))!;
  const html = path.resolve(dist, `server/app${route}.html`);
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  gzip on; gzip_comp_level 6; gzip_types text/html; gzip_min_length 1000;
  server { listen 127.0.0.1:${port}; location = /privacy { default_type "text/html; charset=utf-8"; alias ${html}; } }
}
`,
  );
  const child = spawn('nginx', ['-c', conf], {stdio: 'ignore', detached: true});
  await waitFor(`http://127.0.0.1:${port}/privacy`);
  return () => process.kill(-child.pid!, 'SIGTERM');
}

/** The same client, time and connections against next start and nginx; prints the ratio. */
export async function throughput(
  nextOrigin: string,
  nginxPort: number,
  seconds: number,
  connections: number,
  dist: string,
) {
  const stopNginx = await startNginx(nginxPort, dist);
  try {
    const next = parseWrk('next start', await wrk(`${nextOrigin}/privacy`, seconds, connections));
    const nginx = parseWrk('nginx', await wrk(`http://127.0.0.1:${nginxPort}/privacy`, seconds, connections));
    // Where next start's time goes: the same run without compression.
    const identity = parseWrk(
      'next start, no gzip',
      await wrk(`${nextOrigin}/privacy`, Math.min(seconds, 10), connections, false),
    );
    console.log(
      `\nThroughput on /privacy: wrk, ${seconds} s, ${connections} connections, gzip (2 cores shared by server and client)`,
    );
    table([next, nginx, identity]);
    const ratio = next['req/s'] / nginx['req/s'];
    console.log(
      `  next start / nginx = ${(ratio * 100).toFixed(1)} % (goal ≥ 30 %); errors: next ${next.errors} (+${next.timeouts} over 2 s), nginx ${nginx.errors} (+${nginx.timeouts}) (goal 0)`,
    );
    return {next, nginx, ratio};
  } finally {
    stopNginx();
  }
}

/** next start with every feature against the floor (a bare Next page of the same text): same wrk, same run. */
export async function throughputAgainstFloor(
  siteOrigin: string,
  floorOrigin: string,
  seconds: number,
  connections: number,
) {
  const site = parseWrk('next start, /privacy (everything)', await wrk(`${siteOrigin}/privacy`, seconds, connections));
  const floor = parseWrk('next start, floor (bare page)', await wrk(`${floorOrigin}/`, seconds, connections));
  console.log(`\nThroughput against the floor: wrk, ${seconds} s, ${connections} connections, gzip`);
  table([site, floor]);
  const ratio = site['req/s'] / floor['req/s'];
  console.log(
    `  site / floor = ${(ratio * 100).toFixed(1)} % (goal ≥ 80 %); requests over 2 s: site ${site.timeouts}, floor ${floor.timeouts} (goal 0); p99 ${site['p99 ms']} ms vs ${floor['p99 ms']} ms`,
  );
  return {site, floor, ratio};
}
