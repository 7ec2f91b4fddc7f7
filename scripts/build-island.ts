// Builds the consent island (components/consent/island.ts) into public/assets/consent.<hash>.js before
// `next build`: one minified browser script, named by its content, so it can be cached for good.
// Older builds of it are removed, so that the pages can name exactly one.
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {build} from 'esbuild';
import {ISLAND_DIR, ISLAND_PATTERN} from '../lib/consent/island-file';

const result = await build({
  entryPoints: ['components/consent/island.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'none',
  write: false,
  alias: {'@': '.'},
});
const code = result.outputFiles[0]!.contents;
const name = `consent.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
mkdirSync(ISLAND_DIR, {recursive: true});
for (const file of readdirSync(ISLAND_DIR))
  if (ISLAND_PATTERN.test(file) && file !== name) rmSync(path.join(ISLAND_DIR, file));
writeFileSync(path.join(ISLAND_DIR, name), code);
console.log(`Consent island: ${path.join(ISLAND_DIR, name)} (${(code.byteLength / 1024).toFixed(1)} KB)`);
