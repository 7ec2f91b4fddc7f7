import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {POLICY_RULES} from '@/lib/policy/rules';
import {EDITING_GUIDE, withRulesTable} from '@/lib/policy/rules-doc';

describe('the rule catalogue', () => {
  it('is what the editing guide lists (run `npm run policy:docs` after changing a rule)', () => {
    const guide = readFileSync(EDITING_GUIDE, 'utf8');
    expect(withRulesTable(guide)).toBe(guide);
  });

  it('has no rule the checker never reports', () => {
    const checker = readdirSync('lib', {recursive: true, encoding: 'utf8'})
      .filter((file) => file.endsWith('.ts') && !file.endsWith('rules.ts'))
      .map((file) => readFileSync(`lib/${file}`, 'utf8'))
      .join('\n');
    const unused = Object.keys(POLICY_RULES).filter((code) => !checker.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });
});
