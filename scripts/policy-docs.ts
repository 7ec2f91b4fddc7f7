// npm run policy:docs — writes the checker's rule catalogue into docs/editing-policy.md, so that the
// guide lists exactly the messages the checker can print. A unit test fails when the two differ.
import {readFileSync, writeFileSync} from 'node:fs';
import {EDITING_GUIDE, withRulesTable} from '../lib/policy/rules-doc';

writeFileSync(EDITING_GUIDE, withRulesTable(readFileSync(EDITING_GUIDE, 'utf8')));
console.log(`${EDITING_GUIDE}: the table of messages is up to date.`);
