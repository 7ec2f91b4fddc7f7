import path from 'node:path';
import type {PolicySource} from '@/lib/policy/sources';

/**
 * A policy history for the end-to-end tests only (npm test's build): three versions under
 * tests/fixtures/policy-history — the real 1.0.0 text, an earlier-dated fixture text and one
 * dated in 2099, upcoming — served at /e2e-fixtures/privacy like the site's /privacy.
 */
export const FIXTURE_POLICY: PolicySource = {
  dir: path.join(process.cwd(), 'tests', 'fixtures', 'policy-history'),
  base: '/e2e-fixtures/privacy',
};
