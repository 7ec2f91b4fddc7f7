// npm run policy:check [-- DIR]  — checks every policy MDX file and content/registry.yaml, with the
// same code the build uses. DIR is the site's policy folder or a copy of it (the clauses the site
// cites are checked there too).
import path from 'node:path';
import {formatDiagnostic} from '../lib/policy/diagnostics';
import {readRegistry} from '../lib/consent/registry';
import {SITE_CITED_CLAUSES} from '../lib/policy/citations';
import {DEFAULT_POLICY_DIR, readPolicyHistory} from '../lib/policy/load';

const dir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_POLICY_DIR;
const started = performance.now();
// The policy folder, and — for the site's own policy — the Cookie・tag registry beside it.
const diagnostics = [
  ...readPolicyHistory(dir, {citedClauses: SITE_CITED_CLAUSES}).diagnostics,
  ...(dir === DEFAULT_POLICY_DIR ? readRegistry().diagnostics : []),
];
diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
for (const d of diagnostics) console.log(formatDiagnostic(d));

const errors = diagnostics.filter((d) => d.severity === 'error').length;
const warnings = diagnostics.length - errors;
const elapsed = Math.round(performance.now() - started);
if (errors > 0) {
  console.log(
    `\n✗ エラー ${errors} 件、警告 ${warnings} 件。エラーを直すまで公開（ビルド）できません。直し方は docs/editing-policy.md を見てください。`,
  );
  console.log(
    `  ${errors} error(s), ${warnings} warning(s) in ${path.relative(process.cwd(), dir) || dir} (${elapsed} ms).`,
  );
  process.exit(1);
}
console.log(`\n✓ エラーはありません（警告 ${warnings} 件）。 No errors, ${warnings} warning(s) (${elapsed} ms).`);
