// Runs right after `next build` (npm run build, npm test, npm run bench): records the inline-script
// hashes of every prerendered page and the app's page routes, for each page's Content-Security-Policy
// (lib/pages/plan.ts), and writes the copies, compressed, that the front door and the proxy answer
// from (lib/pages/prerendered.ts). The prerendered
// HTML is read here, once, at build time; a page the build says it prerendered but whose HTML is not
// where expected fails the build, instead of failing requests later.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {CONSENT_COOKIE_DOMAIN} from '../lib/consent/config';
import {consentSchedule, consentTextHashes, REGISTRY_FINGERPRINT} from '../lib/consent/server';
import path from 'node:path';
import {inlineScriptHashes, inlineStyleHashes} from '../lib/security/csp';
import {writePageCopy} from '../lib/pages/prerendered';
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
  const html = path.join(dist, 'server', 'pages', `${route}.html`);
  if (!existsSync(html)) missing.push(`${route} (${html})`);
  else {
    const page = readFileSync(html, 'utf8');
    prerendered[route] = {
      scripts: inlineScriptHashes(page),
      styles: inlineStyleHashes(page),
      etag: writePageCopy(dist, route, page),
    };
  }
}
if (missing.length > 0) {
  console.error(
    `CSP manifest: the build prerendered these pages but their HTML was not found:\n  ${missing.join('\n  ')}`,
  );
  process.exit(1);
}

// The site's pages from the source tree: pages/[locale]/privacy/[epoch]/index.page.tsx →
// /[locale]/privacy/[epoch]; _app, _document and the bare 404 are not addresses of their own.
const extensions = process.env.E2E_FIXTURES === '1' ? ['page.tsx', 'e2e.tsx'] : ['page.tsx'];
const pages: string[] = [];
const walk = (dir: string, route: string) => {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.isDirectory()) {
      walk(path.join(dir, entry.name), `${route}/${entry.name}`);
      continue;
    }
    const ext = extensions.find((e) => entry.name.endsWith(`.${e}`));
    const name = ext ? entry.name.slice(0, -ext.length - 1) : null;
    if (name === null || name.startsWith('_') || name === '404') continue;
    pages.push(name === 'index' ? route || '/' : `${route}/${name}`);
  }
};
walk('pages', '');

// The policies the proxy maps to their epochs: the site's, and the fixture history in npm test's build.
const sources = [SITE_POLICY];
if (process.env.E2E_FIXTURES === '1') sources.push((await import('../components/e2e-fixtures/policy')).FIXTURE_POLICY);
const policies = sources.map((source) => ({
  base: source.base,
  versions: loadPolicyHistory(source.dir).map(({version, effectiveDate}) => ({version, effectiveDate})),
}));

// The consent cookie's domain the pages were built with: the server must set the same (scripts/server.ts).
// The policy and registry they were built with: what the consent routes check receipts against
// (lib/consent/policy-record.ts).
const manifest: CspManifest = {
  prerendered,
  pages: pages.sort(),
  policies,
  consentCookieDomain: CONSENT_COOKIE_DOMAIN,
  consentPolicy: {
    schedule: consentSchedule(),
    textHashes: consentTextHashes(),
    registryFingerprint: REGISTRY_FINGERPRINT,
  },
};
writeFileSync(path.join(dist, CSP_MANIFEST_FILE), JSON.stringify(manifest, null, 2));
console.log(
  `CSP manifest: ${Object.keys(prerendered).length} prerendered pages, ${pages.length} page routes → ${path.join(dist, CSP_MANIFEST_FILE)}`,
);
