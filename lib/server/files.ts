import {readdirSync, statSync} from 'node:fs';
import path from 'node:path';

/**
 * The metadata routes of app/ (robots.ts, sitemap.ts, icon.svg): files Next answers, never pages.
 * tests/unit/site-server.test.ts holds this list to what app/ holds.
 */
export const METADATA_ROUTES = ['/robots.txt', '/sitemap.xml', '/icon.svg'] as const;

/** Every file under a folder, as the address it is served at (/assets/consent.<hash>.js). */
function filesUnder(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(dir, {withFileTypes: true});
  } catch {
    return [];
  }
  return entries.flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(path.join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}

/**
 * Whether an address is a file the site serves — one of public/ or a metadata route — rather than a
 * page: a page that does not exist is the localized 404, never Next's own (which has no CSP and
 * ships Next's runtime), whatever its name looks like (/privacy.php). In production public/ is read
 * once, at start; in development, on every request, so that a file added meanwhile is served.
 */
export function siteFiles(publicDir: string, production: boolean): (pathname: string) => boolean {
  const metadata = new Set<string>(METADATA_ROUTES);
  if (!production)
    return (pathname) => {
      if (metadata.has(pathname)) return true;
      const file = path.join(publicDir, ...decodeURIComponent(pathname).split('/'));
      if (!file.startsWith(publicDir + path.sep)) return false;
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    };
  const files = new Set([...metadata, ...filesUnder(publicDir)]);
  return (pathname) => files.has(pathname);
}
