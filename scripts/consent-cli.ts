// The operator's consent-log commands (README "Consent receipts"):
//   npm run consent:export -- --from 2026-01-01 --to 2026-12-31 [--format csv|jsonl]   (deletions on stderr)
//   npm run consent:purge -- --older-than 3y
//   npm run consent:verify [-- --keys keys.json]   (the log against the store; exit 1 names the first problem)
// They use the same store as the app: DATABASE_URL, or the embedded store in CONSENT_DATA_DIR / data/consent.
import {parseArgs} from 'node:util';
import {once} from 'node:events';
import {getConsentStore} from '../lib/consent/store';
import {CSV_HEADER, cutoffFor, parseDay, receiptLine} from '../lib/consent/store/operator';
import {LOG_ORIGIN} from '../lib/consent/transparency/checkpointer';
import {loadLogKeys, publishedKeysFile} from '../lib/consent/transparency/keys';

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
      keys: {type: 'string'},
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
      const format = values.format;
      // Streams: one page of receipts in memory at a time, and stdout's backpressure respected.
      let count = 0;
      if (format === 'csv') process.stdout.write(CSV_HEADER + '\n');
      for await (const receipt of store.export(from, to)) {
        count++;
        if (!process.stdout.write(receiptLine(receipt, format))) await once(process.stdout, 'drain');
      }
      for (const deletion of await store.deletions(from, to)) {
        console.error(
          `deletion: ${deletion.consentId} deleted ${deletion.receipts} receipt(s) at ${deletion.deletedAt.toISOString()}`,
        );
      }
      const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
      const engine = store.enginePeakMemoryMB
        ? `, its engine process ${(await store.enginePeakMemoryMB()).toFixed(0)} MB`
        : '';
      console.error(
        `${count} receipt(s) received from ${from.toISOString().slice(0, 10)} to before ${to.toISOString().slice(0, 10)} (${store.kind} store; peak memory ${peak} MB${engine}).`,
      );
    } else if (command === 'purge') {
      if (!values['older-than']) fail('--older-than takes a duration: 90d, 26w, 18m or 3y.');
      const cutoff = cutoffFor(values['older-than'], new Date());
      if (!cutoff) fail(`--older-than ${values['older-than']}: use a number and d, w, m or y (for example 3y).`);
      const purged = await store.purgeBefore(cutoff);
      console.log(
        `Purged ${purged.receipts} receipt(s) received and ${purged.deletions} deletion record(s) made before ${cutoff.toISOString()} (${store.kind} store).`,
      );
    } else if (command === 'verify') {
      // The configured keys, or — for an auditor without them — the public keys the site publishes.
      const keys = values.keys ? publishedKeysFile(values.keys) : loadLogKeys();
      const started = performance.now();
      const result = await store.log.audit(keys, LOG_ORIGIN);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const counts = `${result.entries} entries: ${result.receipts} receipts, ${result.deletions} deletion records, ${result.purges} purges; ${result.checkpoints} checkpoints`;
      if (result.problem) {
        console.error(`同意ログの検証に失敗しました。${result.problem.ja}`);
        console.error(`The consent log does not verify: ${result.problem.en}`);
        process.exitCode = 1;
      } else {
        console.log(
          `同意ログを検証しました（${result.entries} 項目、署名済みチェックポイント ${result.checkpoints} 個、${seconds} 秒）。 / The consent log verifies (${counts}; ${store.kind} store; ${seconds} s; peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB).`,
        );
      }
    } else {
      fail(
        'usage: consent-cli.ts export [--from DATE] [--to DATE] [--format csv|jsonl] | purge --older-than DURATION | verify [--keys keys.json]',
      );
    }
  } finally {
    await store.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
