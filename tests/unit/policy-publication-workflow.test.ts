import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {comparePolicies} from '@/lib/policy/compare';
import {PolicyError} from '@/lib/policy/diagnostics';
import {loadPolicyHistory, readPolicyHistory} from '@/lib/policy/load';
import {dayBefore, effectiveInstant, epochOn, japanDay} from '@/lib/policy/schedule';
import {epochView} from '@/lib/policy/sources';

/**
 * Legal staff's path through a new version, exactly as docs/editing-policy.md §5 walks it, on a copy
 * of the real content/: `npm run policy:new-version`, one sentence added in both languages, an
 * effective date, the checker; then what the pages are built from (current, upcoming, changes), the
 * date reached, and the same steps with no date. Whatever the real content is today, publishing a
 * version must work and must never break the record.
 */
// tsx's CLI run by this Node, as npm scripts run it, on any OS (no .bin shim, no shell).
const TSX = path.resolve('node_modules/tsx/dist/cli.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'policy-workflow-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const ADDED = {
  ja: '当社は、この安全管理の措置を定期的に見直します。',
  en: 'The Company reviews these security measures regularly.',
};
const ARTICLE_6 = {ja: /(## 第 6 条（安全管理体制）\n\n.+?)\n/, en: /(## Article 6 .+\n\n.+?)\n/};

/** A fresh copy of the site's policy folder. */
function copyOfContent(name: string): string {
  const dir = path.join(work, name);
  cpSync('content/privacy', dir, {recursive: true});
  return dir;
}

function newVersion(dir: string, version: string) {
  return spawnSync(process.execPath, [TSX, 'scripts/policy-new-version.ts', version, dir], {encoding: 'utf8'});
}

function policyCheck(dir: string) {
  return spawnSync(process.execPath, [TSX, 'scripts/policy-check.ts', dir], {encoding: 'utf8'});
}

/** An editor's change: a sentence added to Art. 6's first paragraph, and (when given) the effective date. */
function edit(dir: string, effectiveDate: string | null) {
  for (const locale of ['ja', 'en'] as const) {
    const file = path.join(dir, `${locale}.mdx`);
    let text = readFileSync(file, 'utf8').replace(
      ARTICLE_6[locale],
      `$1${locale === 'en' ? ' ' : ''}${ADDED[locale]}\n`,
    );
    if (effectiveDate) text = text.replace(/^version: (.+)$/m, `version: $1\neffectiveDate: "${effectiveDate}"`);
    writeFileSync(file, text);
  }
}

const DAY = 24 * 60 * 60 * 1000;
const today = japanDay(Date.now());
const source = (dir: string) => ({dir, base: '/privacy'});
/** What the proxy serves on a day, as the pages see it. */
const viewOn = (dir: string, day: string) => {
  const versions = readPolicyHistory(dir).versions;
  return epochView(source(dir), epochOn(versions, day).name)!;
};

describe('publishing a new version, as legal staff do it', {timeout: 60_000}, () => {
  const original = readPolicyHistory('content/privacy');
  const current = original.versions.at(-1)!;
  const [major, minor] = current.version.split('.').map(Number);
  const next = `${major}.${minor! + 1}.0`;
  // Thirty days after today, or after the newest date already set (legal staff may have published
  // a version that is itself still upcoming): the new version's date is always later.
  const from = current.effectiveDate && current.effectiveDate > today ? current.effectiveDate : today;
  const nextDate = japanDay(effectiveInstant(from) + 30 * DAY);
  const lastDayBefore = dayBefore(nextDate);
  const dated = copyOfContent('dated');
  const created = newVersion(dated, next);
  edit(dated, nextDate);

  it('archives the current text unchanged and starts the next version', () => {
    expect(created.status, created.stderr).toBe(0);
    const {versions} = readPolicyHistory(dated);
    expect(versions.map((v) => v.version)).toEqual([...original.versions.map((v) => v.version), next]);
    // The record keeps every earlier text byte for byte, with its hash: the fidelity test follows it there.
    for (const [i, before] of original.versions.entries()) {
      expect(versions[i]!.sha256).toEqual(before.sha256);
      expect(versions[i]!.archived).toBe(true);
    }
  });

  it('passes the checker', () => {
    const check = policyCheck(dated);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/エラーはありません/);
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

  it.each(['ja', 'en'] as const)('marks the added sentence as inserted (%s)', (locale) => {
    const [before, after] = readPolicyHistory(dated).versions.slice(-2);
    const changes = comparePolicies(before!.documents[locale], after!.documents[locale]);
    const inserted = changes.flatMap((a) => a.blocks.flatMap((b) => b.segments.filter((s) => s.kind === 'ins')));
    expect(inserted.map((s) => s.text).join('')).toContain(ADDED[locale]);
    expect(changes.filter((a) => a.status !== 'unchanged').map((a) => a.id)).toEqual(['article-6']);
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
    newVersion(dir, next);
    edit(dir, nextDate);
    const third = `${major}.${minor! + 2}.0`;
    expect(newVersion(dir, third).status).toBe(0);
    for (const locale of ['ja', 'en']) {
      const file = path.join(dir, `${locale}.mdx`);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(/^version: (.+)$/m, `version: $1\neffectiveDate: "${today}"`),
      );
    }
    const errors = readPolicyHistory(dir).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((e) => e.code)).toEqual(['effective-date-order']);
    expect(errors[0]!.file).toBe(path.relative(process.cwd(), path.join(dir, 'ja.mdx')));
  });
});

describe('a new version without an effective date', {timeout: 60_000}, () => {
  const undated = copyOfContent('undated');
  newVersion(undated, '99.0.0');
  edit(undated, null);
  const file = path.relative(process.cwd(), path.join(undated, 'ja.mdx'));
  const versionLine =
    readFileSync(path.join(undated, 'ja.mdx'), 'utf8')
      .split('\n')
      .findIndex((line) => line.startsWith('version:')) + 1;

  it('is refused by the checker, in Japanese, at the file and line of its version', () => {
    const check = policyCheck(undated);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      `${file}:${versionLine}:1  エラー: 施行日が決まっていない新しい版は公開できません。`,
    );
  });

  it('fails the build', () => {
    expect(() => loadPolicyHistory(undated)).toThrow(PolicyError);
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
