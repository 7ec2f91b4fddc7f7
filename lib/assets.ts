import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

/**
 * What scripts/build-assets.ts writes before `next build`: the consent island,
 * public/assets/consent.<hash>.js, served as a file and cached for good (next.config.ts), since its
 * name changes with its content; and the site's CSS, minified, which every page inlines as <style>
 * (allowed by its hash): a phone renders the page without waiting for a stylesheet request.
 */
export const ISLAND_DIR = path.join('public', 'assets');
export const ISLAND_PATTERN = /^consent\.[0-9a-f]{16}\.js$/;
export const SITE_CSS_FILE = path.join('.assets', 'site.css');

const missing = (what: string) =>
  new Error(`${what}: run \`npx tsx scripts/build-assets.ts\` (npm run build does) before next build.`);

/** The island's public path, for the pages' <script src>; the build fails when it was not built. */
export function islandSrc(): string {
  const dir = path.join(process.cwd(), ISLAND_DIR);
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => ISLAND_PATTERN.test(name)) : [];
  if (files.length !== 1) throw missing(`Expected one consent island in ${dir}, found ${files.length}`);
  return `/assets/${files[0]}`;
}

/** The site's CSS, minified, for the pages' <style>. */
export function siteCss(): string {
  const file = path.join(process.cwd(), SITE_CSS_FILE);
  if (!existsSync(file)) throw missing(`${file} is missing`);
  return readFileSync(file, 'utf8');
}
