import {POLICY_RULES, type RuleCode} from './rules';

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

export function diagnostic(file: string, at: Position | undefined, code: RuleCode, ja: string, en: string): Diagnostic {
  return {file, line: at?.line ?? 1, column: at?.column ?? 1, severity: POLICY_RULES[code].severity, code, ja, en};
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
