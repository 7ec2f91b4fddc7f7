// Runs right after `next build` (npm run build, npm test, npm run bench): records the inline-script
// hashes of every prerendered page and the app's page routes, for proxy.ts's Content-Security-Policy.
// The prerendered HTML is read here, once, at build time; a page the build says it prerendered but
// whose HTML is not where expected fails the build, instead of failing requests later.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {inlineScriptHashes, inlineStyleHashes} from '../lib/security/csp';
import {loadPolicyHistory} from '../lib/policy/load';
import {SITE_POLICY} from '../lib/policy/sources';
import {CSP_MANIFEST_FILE, distDir, type CspManifest} from '../lib/security/csp-manifest';

const dist = distDir();
const prerenderManifest = JSON.parse(readFileSync(path.join(dist, 'prerender-manifest.json'), 'utf8')) as {
  routes: Record<string, unknown>;
};

const prerendered: CspManifest['prerendered'] = {};
const missing: string[] = [];
for (const route of Object.keys(prerenderManifest.routes)) {
  // Files (sitemap.xml, icon.svg) have no HTML and get the non-page CSP from next.config.ts.
  if (/\.[a-z]+$/.test(route) || route.startsWith('/_')) continue;
  const html = path.join(dist, 'server', 'app', `${route}.html`);
  if (!existsSync(html)) missing.push(`${route} (${html})`);
  else {
    const page = readFileSync(html, 'utf8');
    prerendered[route] = {scripts: inlineScriptHashes(page), styles: inlineStyleHashes(page)};
  }
}
if (missing.length > 0) {
  console.error(
    `CSP manifest: the build prerendered these pages but their HTML was not found:\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}

// The app's pages from the source tree: app/[locale]/privacy/page.tsx → /[locale]/privacy.
const extensions = process.env.E2E_FIXTURES === '1' ? ['tsx', 'e2e.tsx'] : ['tsx'];
const pages: string[] = [];
const walk = (dir: string, route: string) => {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.isDirectory()) {
      // Route groups "(name)" do not appear in the URL; "api" is not pages.
      if (route === '' && entry.name === 'api') continue;
      const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
      walk(path.join(dir, entry.name), route + segment);
    } else if (extensions.some((ext) => entry.name === `page.${ext}`)) {
      pages.push(route || '/');
    }
  }
};
walk('app', '');

// The policies the proxy maps to their epochs: the site's, and the fixture history in npm test's build.
const sources = [SITE_POLICY];
if (process.env.E2E_FIXTURES === '1')
  sources.push((await import('../app/[locale]/e2e-fixtures/privacy/source')).FIXTURE_POLICY);
const policies = sources.map((source) => ({
  base: source.base,
  versions: loadPolicyHistory(source.dir).map(({version, effectiveDate}) => ({version, effectiveDate})),
}));

const manifest: CspManifest = {prerendered, pages: pages.sort(), policies};
writeFileSync(path.join(dist, CSP_MANIFEST_FILE), JSON.stringify(manifest, null, 2));
console.log(
  `CSP manifest: ${Object.keys(prerendered).length} prerendered pages, ${pages.length} page routes → ${path.join(dist, CSP_MANIFEST_FILE)}`,
);
