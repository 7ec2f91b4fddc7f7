import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';

/**
 * Where scripts/build-island.ts writes the consent island: public/assets/consent.<hash>.js, served as
 * a static file and cached for good (next.config.ts), since its name changes with its content.
 */
export const ISLAND_DIR = path.join('public', 'assets');
export const ISLAND_PATTERN = /^consent\.[0-9a-f]{16}\.js$/;

/** The island's public path, for the pages' <script src>; the build fails when it was not built. */
export function islandSrc(): string {
  const dir = path.join(process.cwd(), ISLAND_DIR);
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => ISLAND_PATTERN.test(name)) : [];
  if (files.length !== 1) {
    throw new Error(
      `Expected one consent island in ${dir}, found ${files.length}: run \`npx tsx scripts/build-island.ts\` (npm run build does).`,
    );
  }
  return `/assets/${files[0]}`;
}
