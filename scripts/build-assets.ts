// Before `next build`: the consent island (components/consent/island.ts) bundled into one minified
// browser script named by its content, public/assets/consent.<hash>.js, so it can be cached for good
// (older builds of it are removed, so that the pages can name exactly one); the site's CSS,
// minified into .assets/site.css, which every page inlines (lib/assets.ts says why); and the
// consent embed for other HeyImg pages, its code and its data (scripts/build-embed.tsx).
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {ISLAND_DIR, ISLAND_PATTERN, SITE_CSS_FILE} from '../lib/assets';
import {bundleCss, bundleScript} from './bundle';

const code = await bundleScript('components/consent/island.ts');
const name = `consent.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
mkdirSync(ISLAND_DIR, {recursive: true});
for (const file of readdirSync(ISLAND_DIR))
  if (ISLAND_PATTERN.test(file) && file !== name) rmSync(path.join(ISLAND_DIR, file));
writeFileSync(path.join(ISLAND_DIR, name), code);
console.log(`Consent island: ${path.join(ISLAND_DIR, name)} (${(code.byteLength / 1024).toFixed(1)} KB)`);

const css = await bundleCss({
  contents: ['app/tokens.css', 'app/globals.css', 'components/consent/consent.css']
    .map((f) => `@import '${f}';`)
    .join('\n'),
});
mkdirSync(path.dirname(SITE_CSS_FILE), {recursive: true});
writeFileSync(SITE_CSS_FILE, css);
console.log(`Site CSS: ${SITE_CSS_FILE} (${(css.length / 1024).toFixed(1)} KB)`);

await import('./build-embed');
