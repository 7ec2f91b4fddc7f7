// Part of scripts/build-assets.ts (before every `next build`): the consent embed for other HeyImg
// pages (components/consent/embed.ts). Its code is a release: /consent/embed/<version>/consent.js,
// recorded with its SRI hash in public/consent/embed/releases.json and never changed — a change of
// its code is a new EMBED_VERSION, and every earlier release stays served. Its data, one file per
// language, is made again by every build: the markup this site renders into its own pages (the
// same components), the CSS, the strings, the registry and the policy's schedule.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {renderToStaticMarkup} from 'react-dom/server';
import {consentIslandConfig, ConsentMarkup} from '../components/consent/Consent';
import {EMBED_POLICY_PATH, embedDataPath, type EmbedData} from '../components/consent/embed-data';
import {EMBED_ENTRY, embedFile, EMBED_RELEASES, EMBED_VERSION} from '../components/consent/embed-version';
import {Intl} from '../components/page/render';
import {routing} from '../i18n/routing';
import type {PublishedConsentPolicy} from '../lib/consent/read-consent';
import {cookieRegistry} from '../lib/consent/site-registry';
import {bundleCss, bundleScript, integrityOf} from './bundle';

const code = await bundleScript(EMBED_ENTRY);
const integrity = integrityOf(code);
const releases: Record<string, string> = existsSync(EMBED_RELEASES)
  ? JSON.parse(readFileSync(EMBED_RELEASES, 'utf8'))
  : {};
const released = releases[EMBED_VERSION];
const file = embedFile(EMBED_VERSION);
if (released && released !== integrity) {
  const message =
    `The consent embed's code changed, but its version ${EMBED_VERSION} is released (${released}) and host pages pin it. ` +
    'Raise EMBED_VERSION in components/consent/embed-version.ts: the build then releases the new version beside the old.';
  // npm run dev goes on (this site's own pages use the island, built anew); a build stops.
  if (!process.argv.includes('--dev')) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`${message} (npm run dev serves the released ${EMBED_VERSION} meanwhile.)`);
} else {
  mkdirSync(path.dirname(file), {recursive: true});
  writeFileSync(file, code);
}
if (!released) {
  writeFileSync(EMBED_RELEASES, JSON.stringify({...releases, [EMBED_VERSION]: integrity}, null, 2) + '\n');
  console.log(`Consent embed ${EMBED_VERSION} released: ${file} (${integrity}) — commit it with ${EMBED_RELEASES}.`);
} else if (released === integrity)
  console.log(`Consent embed ${EMBED_VERSION}: ${file} (${(code.byteLength / 1024).toFixed(1)} KB)`);

// rem is the host page's root font size, which the host may set to anything (62.5 % is common): in the
// embed every rem of the site's CSS is measured against the consent's own root instead (--rem).
const css = (await bundleCss({file: 'components/consent/embed.css'})).replace(
  /(-?(?:\d*\.)?\d+)rem\b/g,
  'calc($1*var(--rem))',
);
const config = consentIslandConfig();
const declared = cookieRegistry.cookies.map(({name, kind, category}) => ({name, kind, category}));
for (const locale of routing.locales) {
  const markup = renderToStaticMarkup(
    <Intl locale={locale}>
      <ConsentMarkup locale={locale} />
    </Intl>,
  );
  const data: EmbedData = {markup, css, config, declared};
  const target = path.join('public', ...embedDataPath(locale).split('/'));
  mkdirSync(path.dirname(target), {recursive: true});
  writeFileSync(target, JSON.stringify(data));
}
// For the servers of other HeyImg apps (lib/consent/read-consent.ts): what a choice is checked against.
const policy: PublishedConsentPolicy = {schedule: config.schedule, registry: config.registry};
writeFileSync(path.join('public', ...EMBED_POLICY_PATH.split('/')), JSON.stringify(policy));
console.log(`Consent embed data: ${path.join('public', 'consent', 'embed', 'v1')} (${routing.locales.join(', ')})`);
