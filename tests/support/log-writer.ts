// One app instance's writes, for the scale-out test (tests/unit/consent-log-scale.test.ts): a
// process of its own that opens the PostgreSQL store and appends `count` receipts from 8
// concurrent writers, printing "ack <consent id>" once each is acknowledged, and signing a
// checkpoint with CONSENT_LOG_KEYS every 25 acknowledgements.
//   node --import tsx tests/support/log-writer.ts <DATABASE_URL> <first id number> <count>
import {openPostgresStore} from '../../lib/consent/store/postgres';
import {loadLogKeys} from '../../lib/consent/transparency/keys';
import {id, receipt} from './consent-store';

const [url, first, count] = process.argv.slice(2);
const store = await openPostgresStore(url!);
const [key] = loadLogKeys();
let next = Number(first);
const end = next + Number(count);
let acknowledged = 0;
await Promise.all(
  Array.from({length: 8}, async () => {
    for (let n = next++; n < end; n = next++) {
      const consentId = id(n);
      if ((await store.append(receipt(n, {consentId}))) !== 'stored') throw new Error(`${consentId} not stored`);
      process.stdout.write(`ack ${consentId}\n`);
      if (++acknowledged % 25 === 0) await store.log.checkpoint(key!, 'heyimg.test/consent-log');
    }
  }),
);
await store.close();
