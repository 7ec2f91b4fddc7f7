import {afterEach, describe, expect, it, vi} from 'vitest';
import {matchesPage} from '@/lib/security/csp-manifest';

async function loadConfig(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value as string);
  return (await import('@/next.config')).default;
}

afterEach(() => vi.unstubAllEnvs());

describe('one build per purpose', () => {
  it('leaves the e2e fixture pages (*.e2e.tsx) out of every build but npm test’s', async () => {
    const production = await loadConfig({E2E_FIXTURES: undefined});
    expect(production.pageExtensions).toEqual(['page.tsx', 'ts']);
    const test = await loadConfig({E2E_FIXTURES: '1'});
    expect(test.pageExtensions).toContain('e2e.tsx');
  });

  it('builds into NEXT_DIST_DIR, so npm test and npm run bench never replace the served build', async () => {
    expect((await loadConfig({NEXT_DIST_DIR: undefined})).distDir).toBe('.next');
    expect((await loadConfig({NEXT_DIST_DIR: '.next-test'})).distDir).toBe('.next-test');
  });
});

describe('the proxy’s page routes', () => {
  const pages = ['/[locale]/privacy', '/[locale]/page-not-found'];
  it.each([
    ['/ja/privacy', true],
    ['/en/privacy', true],
    ['/ja/privacy/extra', false],
    ['/ja/nothing', false],
    ['/ja', false],
  ])('%s is a page of the app: %s', (route, expected) => {
    expect(matchesPage(route, pages)).toBe(expected);
  });
});
