import type {VFile} from 'vfile';
import {POLICY_RULES, type RuleCode, type RuleParams} from './rules';

/** A problem found in a policy file, reported to legal staff as `file:line:column  message`. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  /** The rule (lib/policy/rules.ts), for tests and the editing guide. */
  code: RuleCode;
  /** What is wrong and what to do, in Japanese (the editors' language). */
  ja: string;
  en: string;
}

export interface Position {
  line: number;
  column: number;
}

function messageOf<C extends RuleCode>(code: C, params: RuleParams<C>): {ja: string; en: string} {
  return (POLICY_RULES[code].message as (p: RuleParams<C>) => {ja: string; en: string})(params);
}

/** A diagnostic outside a parse (a missing file, a translation compared with its original). */
export function diagnostic<C extends RuleCode>(
  file: string,
  at: Position | undefined,
  code: C,
  params: RuleParams<C>,
): Diagnostic {
  const {ja, en} = messageOf(code, params);
  return {file, line: at?.line ?? 1, column: at?.column ?? 1, severity: POLICY_RULES[code].severity, code, ja, en};
}

/**
 * Reports through the file being processed, as remark plugins do: a vfile message whose ruleId is
 * the rule's code, whose reason is the Japanese message and whose note is the English one.
 */
export function report<C extends RuleCode>(
  file: VFile,
  at: Position | undefined,
  code: C,
  params: RuleParams<C>,
): void {
  const {ja, en} = messageOf(code, params);
  const message = file.message(ja, {place: at ?? {line: 1, column: 1}, ruleId: code, source: 'policy'});
  message.note = en;
}

/** The diagnostics a processed file collected, in the order they were reported. */
export function diagnosticsOf(file: VFile): Diagnostic[] {
  return file.messages.map((m) => {
    const code = m.ruleId as RuleCode;
    return {
      file: file.path,
      line: m.line ?? 1,
      column: m.column ?? 1,
      severity: POLICY_RULES[code].severity,
      code,
      ja: m.reason,
      en: m.note ?? '',
    };
  });
}

/** True when the file already holds a message of one of these rules. */
export function hasReported(file: VFile, ...codes: RuleCode[]): boolean {
  return file.messages.some((m) => codes.includes(m.ruleId as RuleCode));
}

export function formatDiagnostic(d: Diagnostic): string {
  const label = d.severity === 'error' ? 'エラー' : '警告';
  return `${d.file}:${d.line}:${d.column}  ${label}: ${d.ja}\n    (${d.code}) ${d.en}`;
}

/** Thrown by the build when a policy file has errors: the message is what an editor needs. */
export class PolicyError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      `ポリシーファイルにエラーがあります（${diagnostics.length} 件）。\n` +
        diagnostics.map(formatDiagnostic).join('\n') +
        '\n`npm run policy:check` で確認し、docs/editing-policy.md の説明に従って直してください。',
    );
    this.name = 'PolicyError';
  }
}
