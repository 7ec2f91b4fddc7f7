import {spawnSync} from 'node:child_process';
import {copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import {afterAll, afterEach, describe, expect, it, vi} from 'vitest';
import {changesRoute} from '@/components/policy/routes';
import {COOKIE_CLAUSE, SITE_CITED_CLAUSES} from '@/lib/policy/citations';
import {comparePolicies} from '@/lib/policy/compare';
import {formatDiagnostic, PolicyError} from '@/lib/policy/diagnostics';
import {loadPolicyHistory, readPolicyHistory} from '@/lib/policy/load';
import {PUBLISHED_RECORD} from '@/lib/policy/published';
import {dayBefore, effectiveInstant, epochOn, japanDay} from '@/lib/policy/schedule';
import {epochView} from '@/lib/policy/sources';
import {FIRST_VERSION, recordedVersion} from '../support/policy-record';

/**
 * Legal staff's path through a new version, exactly as docs/editing-policy.md §5 walks it, on a copy
 * of the real content/: the current version given its effective date if it has none, `npm run
 * policy:new-version`, one sentence added in both languages, an effective date, the checker, `npm
 * run policy:publish`; then what the pages are built from (current, upcoming, changes), the date
 * reached, and the same steps with no date. Whatever the real content is today, publishing a version
 * must work and must never break the record. Where the fixes legal staff will likely make first are
 * needed (docs/legal-review.md #11, #12), they are made to version 1.0.0, the source's text, which
 * never changes.
 */
// tsx's CLI run by this Node, as npm scripts run it, on any OS (no .bin shim, no shell).
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'policy-workflow-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));
afterEach(() => vi.useRealTimers());

const ADDED = {
  ja: '当社は、この安全管理の措置を定期的に見直します。',
  en: 'The Company reviews these security measures regularly.',
};
const ARTICLE_6 = {ja: /(## 第 6 条（安全管理体制）\n\n.+?)\n/, en: /(## Article 6 .+\n\n.+?)\n/};
const LOCALES = ['ja', 'en'] as const;

/** A fresh copy of the site's policy folder. */
function copyOfContent(name: string): string {
  const dir = path.join(work, name);
  cpSync('content/privacy', dir, {recursive: true});
  return dir;
}

/** A folder whose only version is 1.0.0, the source's text, wherever the record keeps it. */
function copyOfFirstVersion(name: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  const first = recordedVersion(FIRST_VERSION);
  for (const locale of LOCALES) copyFileSync(first[locale].file, path.join(dir, `${locale}.mdx`));
  return dir;
}

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [TSX, `scripts/${script}.ts`, ...args], {encoding: 'utf8'});
const newVersion = (dir: string, version: string) => run('policy-new-version', version, dir);
const policyCheck = (dir: string) => run('policy-check', dir);
const publish = (dir: string) => run('policy-publish', dir);

/** Rewrites both language files of the newest version. */
function editBoth(dir: string, change: (text: string, locale: 'ja' | 'en') => string) {
  for (const locale of LOCALES) {
    const file = path.join(dir, `${locale}.mdx`);
    const before = readFileSync(file, 'utf8');
    const after = change(before, locale);
    expect(after, `${file} was not changed`).not.toBe(before);
    writeFileSync(file, after);
  }
}

/** What legal staff write in both frontmatters: the effective date, right after the version. */
function setEffectiveDate(dir: string, date: string) {
  editBoth(dir, (text) =>
    text.replace(/^effectiveDate: .+\n/m, '').replace(/^version: (.+)$/m, `version: $1\neffectiveDate: "${date}"`),
  );
}

/** An editor's change: a sentence added to Art. 6's first paragraph. */
function addSentence(dir: string) {
  editBoth(dir, (text, locale) => text.replace(ARTICLE_6[locale], `$1${locale === 'en' ? ' ' : ''}${ADDED[locale]}\n`));
}

/** The newest version's date as the guide asks before a new version: today, when it has none. */
function dateCurrentVersion(dir: string) {
  if (!readPolicyHistory(dir).versions.at(-1)!.effectiveDate) setEffectiveDate(dir, today);
}

const lineOf = (file: string, start: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.startsWith(start)) + 1;
const relative = (file: string) => path.relative(process.cwd(), file);

const DAY = 24 * 60 * 60 * 1000;
const today = japanDay(Date.now());
const source = (dir: string) => ({dir, base: '/privacy'});
/** What the proxy serves on a day, as the pages see it. */
const viewOn = (dir: string, day: string) => {
  const versions = readPolicyHistory(dir).versions;
  return epochView(source(dir), epochOn(versions, day).name)!;
};
/** A day thirty days after today, or after the newest date already set. */
const laterThanAny = (dir: string) => {
  const dates = readPolicyHistory(dir)
    .versions.map((v) => v.effectiveDate)
    .filter((d): d is string => !!d);
  const from = [today, ...dates].sort().at(-1)!;
  return japanDay(effectiveInstant(from) + 30 * DAY);
};
const nextNumber = (dir: string, step = 1) => {
  const [major, minor] = readPolicyHistory(dir).versions.at(-1)!.version.split('.').map(Number);
  return `${major}.${minor! + step}.0`;
};
const errorsOf = (dir: string) => readPolicyHistory(dir).diagnostics.filter((d) => d.severity === 'error');

describe('publishing a new version, as legal staff do it', {timeout: 60_000}, () => {
  const original = readPolicyHistory('content/privacy');
  const dated = copyOfContent('dated');
  dateCurrentVersion(dated);
  const beforeNew = readPolicyHistory(dated);
  const current = beforeNew.versions.at(-1)!;
  const next = nextNumber(dated);
  const nextDate = laterThanAny(dated);
  const lastDayBefore = dayBefore(nextDate);
  const created = newVersion(dated, next);
  addSentence(dated);
  setEffectiveDate(dated, nextDate);

  it('archives the current text unchanged and starts the next version', () => {
    expect(created.status, created.stderr).toBe(0);
    const {versions} = readPolicyHistory(dated);
    expect(versions.map((v) => v.version)).toEqual([...original.versions.map((v) => v.version), next]);
    // The record keeps every earlier text byte for byte, with its hash: the fidelity test follows it there.
    for (const [i, before] of beforeNew.versions.entries()) {
      expect(versions[i]!.sha256).toEqual(before.sha256);
      expect(versions[i]!.archived).toBe(true);
    }
  });

  it('passes the checker, and reminds that the version is to be recorded once approved', () => {
    const check = policyCheck(dated);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/エラーはありません/);
    expect(check.stdout).toContain(`警告: バージョン ${next} には施行日がありますが、公開の記録`);
  });

  it('announces the new version and keeps the text before it until its date', () => {
    for (const day of [today, lastDayBefore]) {
      const view = viewOn(dated, day);
      expect(view.current.version).not.toBe(next);
      expect(view.upcoming.map((v) => v.version)).toContain(next);
      expect(view.status(view.upcoming.at(-1)!)).toBe('upcoming');
      const date = view.current.effectiveDate;
      expect(view.status(view.current)).toBe(date === null ? 'published' : date <= day ? 'in-force' : 'pending');
    }
    expect(viewOn(dated, lastDayBefore).current.version).toBe(current.version);
  });

  it.each(LOCALES)('marks the added sentence as inserted, and only it (%s)', (locale) => {
    const [before, after] = readPolicyHistory(dated).versions.slice(-2);
    const {front, articles} = comparePolicies(before!.documents[locale], after!.documents[locale]);
    const inserted = articles.flatMap((a) => a.blocks.flatMap((b) => b.segments.filter((s) => s.kind === 'ins')));
    expect(inserted.map((s) => s.text).join('')).toContain(ADDED[locale]);
    expect(articles.filter((a) => a.status !== 'unchanged').map((a) => a.id)).toEqual(['article-6']);
    expect(front.status).toBe('unchanged');
  });

  it('switches on its effective date, by the date alone', () => {
    const view = viewOn(dated, nextDate);
    expect(view.current.version).toBe(next);
    expect(view.status(view.current)).toBe('in-force');
    expect(view.upcoming).toEqual([]);
    expect(view.status(view.versions.at(-2)!)).toBe('superseded');
    // The epoch's pages are the same whatever day the build was made: they are served from the date on.
    const epoch = epochView(source(dated), next)!;
    expect(epoch.status(epoch.current)).toBe('in-force');
  });

  it('refuses a later version dated before the one it follows', () => {
    const dir = copyOfContent('earlier');
    dateCurrentVersion(dir);
    newVersion(dir, nextNumber(dir));
    setEffectiveDate(dir, laterThanAny(dir));
    expect(newVersion(dir, nextNumber(dir)).status).toBe(0);
    setEffectiveDate(dir, today);
    const errors = errorsOf(dir);
    expect(errors.map((e) => e.code)).toEqual(['effective-date-order']);
    expect(errors[0]!.file).toBe(relative(path.join(dir, 'ja.mdx')));
  });
});

describe('the version before a new one must have its effective date (R2)', {timeout: 60_000}, () => {
  it('is asked for, in Japanese, and nothing is archived until it is set', () => {
    const dir = copyOfFirstVersion('undated-current');
    editBoth(dir, (text) => text.replace(/^(?:effectiveDate|lastUpdated): .+\n/gm, '') + '\n');
    const files = LOCALES.map((l) => readFileSync(path.join(dir, `${l}.mdx`), 'utf8'));
    const refused = newVersion(dir, '1.1.0');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      `今の版（バージョン ${FIRST_VERSION}）には施行日（effectiveDate）がありません。このまま版を上げると、${FIRST_VERSION} は「施行日 未定」のまま保存され`,
    );
    expect(refused.stderr).toContain(
      'effectiveDate: "YYYY-MM-DD" を書いて npm run policy:check が通ることを確かめてから',
    );
    expect(existsSync(path.join(dir, 'versions'))).toBe(false);
    expect(LOCALES.map((l) => readFileSync(path.join(dir, `${l}.mdx`), 'utf8'))).toEqual(files);

    setEffectiveDate(dir, today);
    expect(newVersion(dir, '1.1.0').status).toBe(0);
    expect(readPolicyHistory(dir).versions[0]!.effectiveDate).toBe(today);
  });
});

describe('a change before the first article is a change (R1)', {timeout: 60_000}, () => {
  // The fixes legal staff will likely make first, both in the preamble: the bracket closed (#11) and
  // the operator's name (#12, a placeholder here) for 「HeyImg」.
  const OPERATOR = {ja: '〇〇株式会社', en: 'Example Co., Ltd.'};
  const dir = copyOfFirstVersion('preamble');
  dateCurrentVersion(dir);
  const next = nextNumber(dir);
  newVersion(dir, next);
  editBoth(dir, (text, locale) =>
    locale === 'ja'
      ? text
          .replace('（平成 15 年 5 月 30 日法律第 57 号（以下', '（平成 15 年 5 月 30 日法律第 57 号）（以下')
          .replace('HeyImg（以下「当社」といいます。）', `${OPERATOR.ja}（以下「当社」といいます。）`)
      : text
          .replace(/^- Preamble: .+\n/m, '')
          .replace('HeyImg (hereinafter the “Company”)', `${OPERATOR.en} (hereinafter the “Company”)`),
  );
  setEffectiveDate(dir, laterThanAny(dir));
  const [before, after] = readPolicyHistory(dir).versions;

  it('passes the checker', () => {
    const check = policyCheck(dir);
    expect(check.status, check.stdout).toBe(0);
  });

  it.each(LOCALES)('is found in the preamble, and every article is unchanged (%s)', (locale) => {
    const {front, articles} = comparePolicies(before!.documents[locale], after!.documents[locale]);
    expect(front.status).toBe('changed');
    expect(articles.every((a) => a.status === 'unchanged')).toBe(true);
    const preamble = front.blocks.find((b) => b.id === 'preamble-1')!;
    const text = (kind: 'ins' | 'del') =>
      preamble.segments
        .filter((s) => s.kind === kind)
        .map((s) => s.text)
        .join('');
    expect(preamble.status).toBe('changed');
    // English is compared word by word: the name's words are inserted, the spaces between them kept.
    for (const word of OPERATOR[locale].split(' ')) expect(text('ins')).toContain(word);
    expect(text('del')).toContain('HeyImg');
    if (locale === 'ja') expect(text('ins')).toContain('）');
    else expect(front.blocks.find((b) => b.id === 'translation-notice')!.status).toBe('changed');
  });

  it.each(LOCALES)('is shown on the changes page, not announced as 「変更のない条」 only (%s)', async (locale) => {
    const page = await changesRoute(source(dir)).getStaticProps({
      params: {locale, epoch: before!.version, version: next},
    } as never);
    const html = (page as {props: {html: string}}).props.html;
    expect(html).toContain(locale === 'ja' ? '<h2 id="preamble-title">題名と前文</h2>' : 'Title and preamble</h2>');
    expect(html).toMatch(new RegExp(`<ins><span class="change-label">[^<]+</span>${OPERATOR[locale].split(' ')[0]}`));
    expect(html).not.toContain(
      locale === 'ja' ? '題名と前文（ページのタイトル・説明文を含む）に変更はありません' : 'No change to the title',
    );
  });

  it('compares the page title and description the version publishes', () => {
    const titled = copyOfFirstVersion('page-title');
    dateCurrentVersion(titled);
    newVersion(titled, nextNumber(titled));
    editBoth(titled, (text) =>
      text.replace(/^title: (.+)$/m, 'title: $1（改定）').replace(/^description: (.+)$/m, 'description: $1 Revised.'),
    );
    setEffectiveDate(titled, laterThanAny(titled));
    const [first, second] = readPolicyHistory(titled).versions;
    const {front} = comparePolicies(first!.documents.ja, second!.documents.ja);
    expect(front.blocks.filter((b) => b.status === 'changed').map((b) => b.part)).toEqual([
      'pageTitle',
      'pageDescription',
    ]);
  });
});

describe('a published version cannot be rewritten under its number (R3)', {timeout: 60_000}, () => {
  const dir = copyOfContent('published');
  dateCurrentVersion(dir);
  const next = nextNumber(dir);
  newVersion(dir, next);
  addSentence(dir);
  setEffectiveDate(dir, laterThanAny(dir));
  const ja = path.join(dir, 'ja.mdx');

  it('may be edited while it is drafted and reviewed, before it is recorded', () => {
    editBoth(dir, (text, locale) =>
      text.replace(
        ADDED[locale],
        locale === 'ja' ? '当社は、この措置を毎年見直します。' : 'The Company reviews these measures yearly.',
      ),
    );
    expect(errorsOf(dir)).toEqual([]);
  });

  it('is recorded by npm run policy:publish, with the SHA-256 of each language', async () => {
    const published = publish(dir);
    expect(published.status, published.stderr).toBe(0);
    const newest = readPolicyHistory(dir).versions.at(-1)!;
    const record = readFileSync(path.join(dir, PUBLISHED_RECORD), 'utf8');
    expect(record).toContain(`- version: '${next}'`);
    expect(record).toContain(`ja: '${newest.sha256.ja}'`);
    expect(record).toContain(`en: '${newest.sha256.en}'`);
    // Committed beside the policy, it passes npm test's format check as written.
    const options = await prettier.resolveConfig(path.resolve('content/privacy', PUBLISHED_RECORD));
    expect(await prettier.check(record, {...options, parser: 'yaml'})).toBe(true);
    const check = policyCheck(dir);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).not.toContain('公開の記録');
  });

  it('is refused by the checker and the build once its text changes, in Japanese, at its file and line', () => {
    const recorded = readFileSync(ja, 'utf8');
    writeFileSync(ja, recorded.replace('当社は、この措置を毎年見直します。', '当社は、この措置を適宜見直します。'));
    const check = policyCheck(dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      `${relative(ja)}:${lineOf(ja, 'version:')}:1  エラー: バージョン ${next} は公開済みです（${relative(path.join(dir, PUBLISHED_RECORD))} に指紋を記録）。公開した版の本文は、同じ版番号のまま変えられません`,
    );
    expect(check.stdout).toContain('直したい点は npm run policy:new-version で新しい版として公開してください。');
    expect(() => loadPolicyHistory(dir)).toThrow(PolicyError);
    expect(publish(dir).status).toBe(2);
    writeFileSync(ja, recorded);
    expect(errorsOf(dir)).toEqual([]);
  });

  it('stays recorded once archived, and a change is reported once', () => {
    const third = nextNumber(dir);
    const created = newVersion(dir, third);
    expect(created.status, created.stderr).toBe(0);
    setEffectiveDate(dir, laterThanAny(dir));
    expect(errorsOf(dir)).toEqual([]);
    const kept = path.join(dir, 'versions', next, 'ja.mdx');
    writeFileSync(kept, readFileSync(kept, 'utf8').replace('毎年', '適宜'));
    expect(errorsOf(dir).map((e) => `${e.code} ${e.file}`)).toEqual([`archive-hash-mismatch ${relative(kept)}`]);
  });
});

describe('an effective date before the day of publication (R4)', {timeout: 60_000}, () => {
  /** The checker's view on a given instant: the clock is what decides. */
  const errorsAt = (dir: string, instant: number) => {
    vi.useFakeTimers({toFake: ['Date']});
    vi.setSystemTime(instant);
    try {
      return errorsOf(dir);
    } finally {
      vi.useRealTimers();
    }
  };
  const dir = copyOfContent('backdated');
  dateCurrentVersion(dir);
  newVersion(dir, nextNumber(dir));
  addSentence(dir);
  const date = laterThanAny(dir);
  setEffectiveDate(dir, date);
  const ja = path.join(dir, 'ja.mdx');

  it('is refused from the day after the date, with the reason, at the line of the date', () => {
    // 23:59:59.999 on the date itself (JST): publishing on the day is allowed (#40 asks legal staff).
    expect(errorsAt(dir, effectiveInstant(date) + DAY - 1)).toEqual([]);
    const late = errorsAt(dir, effectiveInstant(date) + DAY);
    expect(late.map((e) => e.code)).toEqual(['effective-date-past']);
    expect(formatDiagnostic(late[0]!)).toMatch(
      new RegExp(
        `^${relative(ja).replace(/[.\\]/g, '\\$&')}:${lineOf(ja, 'effectiveDate:')}:1  エラー: バージョン .+ の施行日 ${date} が、今日（${japanDay(effectiveInstant(date) + DAY)}）より前です。このまま公開すると、公開と同時に施行され、前の版の施行期間がさかのぼって終わったことになり、第9条第2項の事前の告知もできません。`,
      ),
    );
  });

  it('is the checker’s refusal, never a failure of the running site once the day has passed', () => {
    vi.useFakeTimers({toFake: ['Date']});
    vi.setSystemTime(effectiveInstant(date) + 2 * DAY);
    expect(() => loadPolicyHistory(dir)).not.toThrow();
  });

  it('no longer applies to a version recorded as published before its date', () => {
    expect(publish(dir).status).toBe(0);
    expect(errorsAt(dir, effectiveInstant(date) + 400 * DAY)).toEqual([]);
  });

  it('is refused by npm run policy:check for a new version dated yesterday; the first version may have any date', () => {
    const first = copyOfFirstVersion('first-dated-long-ago');
    setEffectiveDate(first, '2001-04-01');
    expect(errorsOf(first)).toEqual([]);
    newVersion(first, '1.1.0');
    setEffectiveDate(first, japanDay(Date.now() - DAY));
    const check = policyCheck(first);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('(effective-date-past)');
    expect(publish(first).status).toBe(2);
  });
});

describe('the clause the banner cites stays where the banner says (R7)', {timeout: 60_000}, () => {
  const dir = copyOfFirstVersion('cited-clause');
  dateCurrentVersion(dir);
  newVersion(dir, '1.1.0');
  setEffectiveDate(dir, laterThanAny(dir));

  it('holds in the real record and in a new version that keeps it', () => {
    expect(readPolicyHistory().diagnostics.filter((d) => d.code === 'cited-clause-changed')).toEqual([]);
    expect(policyCheck(dir).status).toBe(0);
  });

  it('fails the checker when a new version removes it (renumbering what follows), in both languages', () => {
    const removed = path.join(work, 'cited-clause-removed');
    cpSync(dir, removed, {recursive: true});
    editBoth(removed, (text) => text.replace(/^ {6}3\. Cookies? (?:及び匿名 ID|and anonymous IDs)\n\n {9}.+\n/m, ''));
    const check = policyCheck(removed);
    expect(check.status).toBe(1);
    for (const locale of LOCALES) {
      const file = path.join(removed, `${locale}.mdx`);
      expect(check.stdout).toContain(
        `${relative(file)}:${lineOf(file, locale === 'ja' ? '## 第 2 条' : '## Article 2')}:1  エラー: Cookie のバナー（全ページ）と Cookie 等の一覧の注記は、本文の${locale === 'ja' ? '第 2 条第 1 項(1)ウ「Cookie 及び匿名 ID」' : 'Article 2, paragraph 1, item (1)(c)「Cookies and anonymous IDs」'}（#article-2-1-u）を引用しています。バージョン 1.1.0 の本文では、この条項がありません`,
      );
    }
  });

  it('fails the checker when its heading changes, at the clause’s line', () => {
    const renamed = path.join(work, 'cited-clause-renamed');
    cpSync(dir, renamed, {recursive: true});
    const ja = path.join(renamed, 'ja.mdx');
    writeFileSync(ja, readFileSync(ja, 'utf8').replace('3. Cookie 及び匿名 ID', '3. Cookie'));
    const errors = readPolicyHistory(renamed, {citedClauses: SITE_CITED_CLAUSES}).diagnostics.filter(
      (d) => d.severity === 'error',
    );
    expect(errors.map((e) => `${e.code} ${e.file}:${e.line}`)).toEqual([
      `cited-clause-changed ${relative(ja)}:${lineOf(ja, '      3. Cookie')}`,
    ]);
    expect(errors[0]!.ja).toContain('この条項の見出しが「Cookie」になっています');
  });

  it('is not asked of a version once it is superseded: /privacy never shows it again', () => {
    const renamed = path.join(work, 'cited-clause-renamed');
    const [first, second] = readPolicyHistory(renamed).versions;
    const declaredAfter = {...COOKIE_CLAUSE, heading: {...COOKIE_CLAUSE.heading, ja: 'Cookie'}};
    const errorsOn = (instant: number) => {
      vi.useFakeTimers({toFake: ['Date']});
      vi.setSystemTime(instant);
      try {
        return readPolicyHistory(renamed, {citedClauses: [declaredAfter]}).diagnostics.filter(
          (d) => d.code === 'cited-clause-changed',
        );
      } finally {
        vi.useRealTimers();
      }
    };
    // Before 1.1.0's date, 1.0.0 is current and cites the old heading; from it, 1.0.0 is superseded.
    expect(errorsOn(effectiveInstant(second!.effectiveDate!) - 1).map((d) => d.file)).toEqual([
      first!.documents.ja.file,
    ]);
    expect(errorsOn(effectiveInstant(second!.effectiveDate!))).toEqual([]);
  });
});

describe('a new version without an effective date', {timeout: 60_000}, () => {
  const undated = copyOfContent('undated');
  dateCurrentVersion(undated);
  newVersion(undated, '99.0.0');
  addSentence(undated);
  const file = relative(path.join(undated, 'ja.mdx'));
  const versionLine = lineOf(path.join(undated, 'ja.mdx'), 'version:');

  it('is refused by the checker, in Japanese, at the file and line of its version', () => {
    const check = policyCheck(undated);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      `${file}:${versionLine}:1  エラー: 施行日が決まっていない新しい版は公開できません。`,
    );
  });

  it('fails the build, and cannot be recorded as published', () => {
    expect(() => loadPolicyHistory(undated)).toThrow(PolicyError);
    expect(publish(undated).status).toBe(2);
  });

  it('never takes effect, and npm run dev previews it as a draft', () => {
    vi.stubEnv('NODE_ENV', 'development');
    try {
      const versions = loadPolicyHistory(undated);
      const view = epochView(source(undated), epochOn(versions, '9999-12-31').name)!;
      expect(view.current.version).not.toBe('99.0.0');
      expect(view.status(versions.at(-1)!)).toBe('draft');
      expect(view.upcoming).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('the first version, while no effective date is decided', () => {
  it('is published, never called in force', () => {
    const dir = copyOfContent('first');
    const versions = readPolicyHistory(dir).versions;
    // Whatever the record holds, a version without a date is never in force on any day.
    for (const day of [today, '9999-12-31']) {
      const view = viewOn(dir, day);
      for (const version of versions.filter((v) => !v.effectiveDate)) {
        expect(view.status(version)).not.toBe('in-force');
      }
    }
  });
});
