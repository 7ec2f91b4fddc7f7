import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {inlineScriptHashes} from './csp';

let routes: Map<string, string[]> | null = null;

/** Every prerendered page of the build being served, with the hashes of its inline scripts. */
function prerenderedRoutes(): Map<string, string[]> {
  if (routes) return routes;
  routes = new Map();
  const root = path.join(process.cwd(), '.next', 'server', 'app');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) {
        const route = '/' + path.relative(root, full).slice(0, -'.html'.length).split(path.sep).join('/');
        routes!.set(route, inlineScriptHashes(readFileSync(full, 'utf8')));
      }
    }
  };
  walk(root);
  return routes;
}

/**
 * The inline-script hashes of a prerendered page (e.g. "/ja/privacy"), or null when the build has no
 * such page. Read once from the build's HTML, so they always match what is served.
 */
export function routeScriptHashes(route: string): string[] | null {
  return prerenderedRoutes().get(route) ?? null;
}
