// npm run policy:publish [-- DIR] [--already-published]
// Records the newest version as published, once legal staff's review has approved it: its SHA-256 in
// each language goes into <DIR>/published.yaml (lib/policy/published.ts), and from then on the
// checker and the build refuse any change of its text under the same number (docs/editing-policy.md §5).
// Refuses a policy with errors, a version without an effective date (it would be frozen as 施行日 未定)
// and, for a version after the first, an effective date before today — unless --already-published
// says the version went out before its date and only its record was forgotten (an engineer's call).
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {Document, isSeq, parseDocument, Scalar} from 'yaml';
import {SITE_CITED_CLAUSES} from '../lib/policy/citations';
import {formatDiagnostic} from '../lib/policy/diagnostics';
import {DEFAULT_POLICY_DIR, readPolicyHistory} from '../lib/policy/load';
import {PUBLISHED_RECORD, readPublishedRecord} from '../lib/policy/published';

const args = process.argv.slice(2);
const alreadyPublished = args.includes('--already-published');
const dirArgument = args.find((a) => !a.startsWith('--'));
const dir = dirArgument ? path.resolve(dirArgument) : DEFAULT_POLICY_DIR;
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const history = readPolicyHistory(dir, {citedClauses: SITE_CITED_CLAUSES});
const errors = history.diagnostics.filter(
  (d) => d.severity === 'error' && !(alreadyPublished && d.code === 'effective-date-past'),
);
if (errors.length > 0) {
  fail(
    `ポリシーにエラーがあるため、公開の記録ができません。先に直してください。\n${errors.map(formatDiagnostic).join('\n')}`,
  );
}
const newest = history.versions.at(-1)!;
if (!newest.effectiveDate) {
  fail(
    `バージョン ${newest.version} には施行日（effectiveDate）がありません。施行日のない版は記録できません（「施行日 未定」のまま変えられなくなります）。法務で施行日を決め、日英両方の frontmatter に書いてから、もう一度実行してください。`,
  );
}
const file = path.join(dir, PUBLISHED_RECORD);
const {record} = readPublishedRecord(dir, (f) => path.relative(process.cwd(), f) || f);
if (record.entries.some((e) => e.version === newest.version)) {
  // The checker above already refused a text that differs from its record.
  console.log(`バージョン ${newest.version} はすでに公開の記録にあります（${record.file}）。何も変えていません。`);
  process.exit(0);
}

// Quoted as Prettier writes YAML here (npm test checks the format of every committed file).
const quoted = (value: string) => Object.assign(new Scalar(value), {type: Scalar.QUOTE_SINGLE});
const doc = existsSync(file) ? parseDocument(readFileSync(file, 'utf8')) : new Document([]);
if (!existsSync(file)) {
  doc.commentBefore =
    ' 公開の記録：公開した版の本文の指紋（SHA-256）。npm run policy:publish が書きます。手で変えないでください。\n' +
    ' ここにある版の本文は、同じ版番号のまま変えられません（docs/editing-policy.md §5）。';
}
if (!isSeq(doc.contents)) fail(`${record.file} が読めません。Git で元に戻してください。`);
doc.add(
  doc.createNode({
    version: quoted(newest.version),
    sha256: {ja: quoted(newest.sha256.ja), en: quoted(newest.sha256.en)},
  }),
);
writeFileSync(file, doc.toString({lineWidth: 0}));

console.log(`バージョン ${newest.version} を公開の記録（${record.file}）に書きました。`);
console.log(
  `このファイルも一緒にコミットしてください。これからは、バージョン ${newest.version} の本文を同じ版番号のまま変えると、`,
);
console.log(
  'npm run policy:check とビルドがエラーで止まります。直したい点は npm run policy:new-version で新しい版にします。',
);
