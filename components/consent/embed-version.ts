/**
 * The embed's version: its address is /consent/embed/<version>/consent.js, and that file never
 * changes once released (host pages pin it with its SRI hash). Any change to the code it is built
 * from — the embed, the behaviour module, the browser's consent store — is a new version: raise
 * this number; the build records the release (public/consent/embed/releases.json) and keeps every
 * earlier one. The data it fetches (strings, markup, registry, policy) is not part of the release.
 */
export const EMBED_VERSION = '1.0.0';

/** Where releases live: public/consent/embed/<version>/consent.js, and their SRI hashes. */
export const EMBED_RELEASES = 'public/consent/embed/releases.json';
export const embedFile = (version: string) => `public/consent/embed/${version}/consent.js`;
export const EMBED_ENTRY = 'components/consent/embed.ts';
