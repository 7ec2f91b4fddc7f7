// The operator's consent-log commands (README "Consent receipts"):
//   npm run consent:export -- --from 2026-01-01 --to 2026-12-31 [--format csv|jsonl]
//   npm run consent:purge -- --older-than 3y
// They use the same store as the app: DATABASE_URL, or the embedded store in CONSENT_DATA_DIR / data/consent.
import {parseArgs} from 'node:util';
import {getConsentStore, type Receipt} from '../lib/consent/store';
import {cutoffFor, formatReceipts, parseDay} from '../lib/consent/store/operator';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const {values} = parseArgs({
    args: rest,
    options: {
      from: {type: 'string'},
      to: {type: 'string'},
      format: {type: 'string', default: 'jsonl'},
      'older-than': {type: 'string'},
    },
  });
  const store = await getConsentStore();
  try {
    if (command === 'export') {
      const from = values.from ? parseDay(values.from) : new Date(0);
      const toDay = parseDay(values.to ?? '9999-12-30');
      if (!from || !toDay) fail('--from and --to take dates as YYYY-MM-DD (the --to day is included).');
      const to = new Date(toDay.getTime() + 24 * 60 * 60 * 1000);
      if (values.format !== 'csv' && values.format !== 'jsonl') fail('--format is csv or jsonl.');
      const receipts: Receipt[] = await store.export(from, to);
      process.stdout.write(formatReceipts(receipts, values.format));
      console.error(
        `${receipts.length} receipt(s) received from ${from.toISOString().slice(0, 10)} to before ${to.toISOString().slice(0, 10)} (${store.kind} store).`,
      );
    } else if (command === 'purge') {
      if (!values['older-than']) fail('--older-than takes a duration: 90d, 26w, 18m or 3y.');
      const cutoff = cutoffFor(values['older-than'], new Date());
      if (!cutoff) fail(`--older-than ${values['older-than']}: use a number and d, w, m or y (for example 3y).`);
      const purged = await store.purgeBefore(cutoff);
      console.log(`Purged ${purged} receipt(s) received before ${cutoff.toISOString()} (${store.kind} store).`);
    } else {
      fail('usage: consent-cli.ts export [--from DATE] [--to DATE] [--format csv|jsonl] | purge --older-than DURATION');
    }
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
