import {median, table} from './lib';

interface Case {
  label: string;
  expected: number;
  init: (origin: string) => RequestInit;
}

const form = (origin: string, body: string, extra: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: {'content-type': 'application/x-www-form-urlencoded', origin, ...extra},
  body,
  redirect: 'manual',
});

const CASES: Case[] = [
  {label: 'oversized body (1 MB)', expected: 413, init: (o) => form(o, `choice=accept&x=${'a'.repeat(1024 * 1024)}`)},
  {label: 'bad form values', expected: 400, init: (o) => form(o, 'choice=%7B%22__proto__%22%3A1%7D')},
  {
    label: 'bad JSON',
    expected: 400,
    init: (o) => ({method: 'POST', headers: {'content-type': 'application/json', origin: o}, body: '{"choice":'}),
  },
  {
    label: 'wrong content type',
    expected: 415,
    init: (o) => ({method: 'POST', headers: {'content-type': 'text/plain', origin: o}, body: 'choice=accept'}),
  },
  {label: 'wrong method (PUT)', expected: 405, init: (o) => ({...form(o, 'choice=accept'), method: 'PUT'})},
  {label: 'foreign Origin', expected: 403, init: (o) => form(o, 'choice=accept', {origin: 'https://attacker.example'})},
  {label: 'valid post', expected: 303, init: (o) => form(o, 'choice=decline&locale=ja')},
];

/** A hostile batch against the consent route handler: the right status every time, and the server stays up. */
export async function hostileBatch(origin: string, perCase: number, concurrency = 16) {
  const rows = [];
  for (const c of CASES) {
    const statuses = new Map<number | string, number>();
    let next = 0;
    const worker = async () => {
      while (next < perCase) {
        next++;
        const status = await fetch(`${origin}/api/consent`, c.init(origin)).then(
          (r) => r.status,
          (e: Error) => `error: ${e.message}`,
        );
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({length: concurrency}, worker));
    const right = statuses.get(c.expected) ?? 0;
    rows.push({
      request: c.label,
      expected: c.expected,
      right: `${right}/${perCase}`,
      other:
        [...statuses]
          .filter(([s]) => s !== c.expected)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ') || '-',
    });
  }
  const alive = (await fetch(`${origin}/privacy`)).status;
  console.log(`\nConsent route under a hostile batch (${perCase} of each, ${concurrency} at a time)`);
  table(rows);
  console.log(`  afterwards GET /privacy → ${alive} (${alive === 200 ? 'server up' : 'SERVER DOWN'})`);
  return {rows, alive};
}

/**
 * What one request with many cookies costs, against the same request with one (issue 19: 4,019
 * distinct names took 2.1–2.5 s of the server's one thread). Medians of `runs`, as ratios.
 */
export async function cookieFlood(origin: string, runs = 20) {
  const header = (n: number) => Array.from({length: n}, (_, i) => `c${i}=1`).join('; ');
  const rows = [];
  let baseline = 0;
  for (const count of [1, 64, 1000, 4000]) {
    const cookie = header(count);
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const response = await fetch(`${origin}/api/consent`, {headers: {cookie}});
      await response.arrayBuffer();
      times.push(performance.now() - t);
      status = response.status;
    }
    const ms = median(times);
    baseline ||= ms;
    rows.push({cookies: count, status, 'median ms': ms.toFixed(1), 'ratio to 1 cookie': (ms / baseline).toFixed(2)});
  }
  console.log(
    `\nOne request with many cookies (GET /api/consent, a 405 that touches no store; median of ${runs}); above 64 the answer is 431`,
  );
  table(rows);
  return rows;
}
