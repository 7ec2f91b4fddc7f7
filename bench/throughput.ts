import {run, table} from './lib';

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

/**
 * The same client, time and connections against the site's /privacy on npm start (its server,
 * scripts/server.ts), the floor (a bare Next page of the same text, next start) and the limit (the same HTML without scripts,
 * nginx), one after the other.
 */
export async function throughputSideBySide(
  targets: {site: string; floor: string; limit: string},
  seconds: number,
  connections: number,
) {
  const site = parseWrk('site: npm start, /privacy', await wrk(targets.site, seconds, connections));
  const floor = parseWrk('floor: next start, bare page', await wrk(targets.floor, seconds, connections));
  const limit = parseWrk('limit: nginx, same HTML, no script', await wrk(targets.limit, seconds, connections));
  console.log(
    `\nThroughput: wrk, ${seconds} s, ${connections} connections, gzip (2 cores shared by server and client)`,
  );
  table([site, floor, limit]);
  const ratio = site['req/s'] / floor['req/s'];
  console.log(
    `  site / floor = ${(ratio * 100).toFixed(1)} % (goal ≥ 100 %); requests over 2 s: site ${site.timeouts}, floor ${floor.timeouts} (goal 0); p99 ${site['p99 ms']} ms, floor ${floor['p99 ms']} ms, limit ${limit['p99 ms']} ms`,
  );
  return {site, floor, limit, ratio};
}
