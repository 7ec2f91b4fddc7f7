import {existsSync} from 'node:fs';

/**
 * The Chromium every test, screenshot and bench launches: CHROMIUM_PATH (npm test and npm run bench
 * set it), else Debian's headless shell, else Debian's chromium. Without the network flags it keeps
 * trying Google's hosts, which this machine's closed network refuses. Every *.heyimg.test and
 * *.other.test name is this machine: real sibling sites on loopback (www. for the site, app. for
 * another HeyImg page, another site's page on other.test), whose cookies and same-site rules are a
 * browser's own.
 */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ??
  ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ??
  '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP *.heyimg.test 127.0.0.1, MAP *.other.test 127.0.0.1',
];
