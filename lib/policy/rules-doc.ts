import {rulesTable} from './rules';

export const EDITING_GUIDE = 'docs/editing-policy.md';
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** The guide with the generated table between its markers; the guide without markers is an error. */
export function withRulesTable(guide: string): string {
  const start = guide.indexOf(START);
  const end = guide.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`${EDITING_GUIDE} has no ${START} … ${END} block for the table of messages.`);
  return `${guide.slice(0, start + START.length)}\n${rulesTable()}\n${guide.slice(end)}`;
}
