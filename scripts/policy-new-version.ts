// npm run policy:new-version -- 1.1.0 [DIR]
// Archives the current policy text and starts the next version, for legal staff (docs/editing-policy.md):
// refuses while the current version has no effective date; copies content/privacy/{ja,en}.mdx to
// versions/<current>/, records their SHA-256 in that version's revision entry, sets `version` to the
// new number, adds its revision entry and removes the dates that belong to the old version
// (effectiveDate, lastUpdated) — legal staff set the new ones.
import {copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {isMap, isSeq, parseDocument, Scalar} from 'yaml';
import {compareVersions} from '../lib/policy/dates';
import {SITE_CITED_CLAUSES} from '../lib/policy/citations';
import {formatDiagnostic} from '../lib/policy/diagnostics';
import {DEFAULT_POLICY_DIR, POLICY_LOCALES, readPolicyHistory, sha256} from '../lib/policy/load';

const [next, dirArgument] = process.argv.slice(2);
const dir = dirArgument ? path.resolve(dirArgument) : DEFAULT_POLICY_DIR;
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

if (!next || !/^\d+\.\d+\.\d+$/.test(next)) {
  fail('新しい版番号を指定してください（例: npm run policy:new-version -- 1.1.0）。');
}
const history = readPolicyHistory(dir, {citedClauses: SITE_CITED_CLAUSES});
const errors = history.diagnostics.filter((d) => d.severity === 'error');
if (errors.length > 0) {
  fail(
    `今のポリシーにエラーがあるため、版を上げられません。先に直してください。\n${errors.map(formatDiagnostic).join('\n')}`,
  );
}
const current = history.versions.at(-1)!;
// Archived, a version's text (its date included) can no longer change: archived without a date, it
// would read 施行日 未定 for ever.
if (!current.effectiveDate) {
  fail(
    `今の版（バージョン ${current.version}）には施行日（effectiveDate）がありません。このまま版を上げると、${current.version} は「施行日 未定」のまま保存され、後から施行日を書けなくなります（保存した版は変更できません）。\n` +
      `先に法務で ${current.version} の施行日を決め、日英両方の frontmatter の version の次の行に effectiveDate: "YYYY-MM-DD" を書いて npm run policy:check が通ることを確かめてから、もう一度実行してください（docs/editing-policy.md §5）。`,
  );
}
if (compareVersions(next!, current.version) <= 0) {
  fail(`新しい版 ${next} は今の版 ${current.version} より大きい番号にしてください。`);
}
const archive = path.join(dir, 'versions', current.version);
if (existsSync(archive)) fail(`${archive} はすでにあります。保存した版は上書きしません。`);

mkdirSync(archive, {recursive: true});
const hashes: Record<string, string> = {};
for (const locale of POLICY_LOCALES) {
  const from = path.join(dir, `${locale}.mdx`);
  copyFileSync(from, path.join(archive, `${locale}.mdx`));
  hashes[locale] = sha256(readFileSync(path.join(archive, `${locale}.mdx`), 'utf8'));
}

const quoted = (value: string) => Object.assign(new Scalar(value), {type: Scalar.QUOTE_DOUBLE});
for (const locale of POLICY_LOCALES) {
  const file = path.join(dir, `${locale}.mdx`);
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text)!;
  const doc = parseDocument(match[1]!);
  const revisions = doc.get('revisions');
  if (!isSeq(revisions)) fail(`${file}: revisions が読めません。`);
  const entry = (revisions as {items: unknown[]}).items.find(
    (item) => isMap(item) && String(item.get('version')) === current.version,
  );
  if (!isMap(entry)) fail(`${file}: 改定履歴に版 ${current.version} がありません。`);
  if (isMap(entry)) entry.set('sha256', doc.createNode({ja: quoted(hashes.ja!), en: quoted(hashes.en!)}));
  doc.set('version', quoted(next!));
  doc.delete('effectiveDate');
  doc.delete('lastUpdated');
  (revisions as {add: (value: unknown) => void}).add(doc.createNode({version: quoted(next!)}));
  writeFileSync(file, `---\n${doc.toString({lineWidth: 0})}---\n${text.slice(match[0].length)}`);
}

console.log(
  `バージョン ${current.version} を ${path.relative(process.cwd(), archive)}/ に保存し、指紋（SHA-256）を記録しました。`,
);
console.log(`今のファイルはバージョン ${next} になりました。次に（docs/editing-policy.md §5）:`);
console.log('  1. ja.mdx を変更し、同じ変更を en.mdx に英訳して反映する');
console.log(
  '  2. 日英両方の frontmatter に effectiveDate（施行日。必須）を書き、決まっていれば改定履歴の date・summary・reconsent も書く',
);
console.log('  3. npm run policy:test でエラー・失敗がないことを確認し、npm run dev で見た目を確認する');
console.log('  4. レビューで承認されたら npm run policy:publish で公開の記録をし、published.yaml も一緒にコミットする');
