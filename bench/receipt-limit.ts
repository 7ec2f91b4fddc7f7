// The limit of POST /api/consent (issue 26): a bare Node server doing to the database exactly what
// the route does for a new visitor — the same claim through the same store (its INSERT and its log
// entry, in one transaction) — and nothing else: no Next, no schema, no cookies. bench/receipts.ts
// starts it as a process of its own on the store its environment names, and stops it with SIGTERM.
//   node --import tsx bench/receipt-limit.ts <port>
import {createServer} from 'node:http';
import {openEmbeddedStore} from '../lib/consent/store/embedded';
import {openPostgresStore} from '../lib/consent/store/postgres';

const store = process.env.DATABASE_URL
  ? await openPostgresStore(process.env.DATABASE_URL)
  : await openEmbeddedStore(process.env.CONSENT_DATA_DIR!);

const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', async () => {
    try {
      const {record} = JSON.parse(body);
      const outcome = await store.claim({
        consentId: record.id,
        recordedAt: new Date(record.ts),
        policyVersion: record.pv,
        policySha256: 'a'.repeat(64),
        registryFingerprint: record.rf,
        choices: record.c,
        method: record.m,
        locale: record.l,
        origin: request.headers.origin ?? null,
      });
      response.writeHead(outcome === 'stored' ? 201 : 403).end();
    } catch {
      response.writeHead(503).end();
    }
  });
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('ready'));
process.once('SIGTERM', () => server.close(() => void store.close().then(() => process.exit(0))));
