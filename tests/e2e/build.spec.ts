import {existsSync, readFileSync} from 'node:fs';
import {expect, test} from '@playwright/test';

// scripts/test.sh keeps `next build`'s output here, so the route table can be checked as printed.
const DIST = '.next';
const BUILD_LOG = `${DIST}/build-output.log`;

test('the build lists both policy routes as statically generated (●)', () => {
  expect(existsSync(BUILD_LOG), `${BUILD_LOG} is written by npm test's build step: run npm test`).toBe(true);
  const log = readFileSync(BUILD_LOG, 'utf8');
  expect(log).toMatch(/● \/ja\/privacy/);
  expect(log).toMatch(/● \/en\/privacy/);
  const manifest = JSON.parse(readFileSync(`${DIST}/prerender-manifest.json`, 'utf8')) as {routes: Record<string, unknown>};
  expect(Object.keys(manifest.routes)).toEqual(expect.arrayContaining(['/ja/privacy', '/en/privacy']));
});
