import {spawn} from 'node:child_process';
import {gzipSync} from 'node:zlib';
import {embedDataPath} from '../components/consent/embed-data';
import {EMBED_VERSION} from '../components/consent/embed-version';
import {kb, table, waitFor} from './lib';
import {lighthouseSideBySide} from './lighthouse';

/**
 * What the consent costs another HeyImg page: the host page of the e2e tests
 * (tests/support/host-page-server.ts, on app.heyimg.test) with the README's snippet, with it loaded
 * `async`, and without it, in the same Lighthouse run (mobile, interleaved, medians), and the
 * embed's bytes. The site must be started with
 * CONSENT_COOKIE_DOMAIN=heyimg.test and the host page's origin allowed; Chromium maps *.heyimg.test to
 * this machine (tests/support/chromium.ts).
 */
export async function embedCost(sitePort: number, hostPort: number, runs: number) {
  const site = `http://www.heyimg.test:${sitePort}`;
  const host = spawn('node', ['--import', 'tsx', 'tests/support/host-page-server.ts'], {
    env: {...process.env, HOST_PAGE_PORT: String(hostPort), SITE_ORIGIN: site},
    stdio: 'ignore',
    detached: true,
  });
  try {
    await waitFor(`http://127.0.0.1:${hostPort}/`);
    const local = `http://127.0.0.1:${sitePort}`;
    const gzip = async (path: string) =>
      gzipSync(new Uint8Array(await (await fetch(local + path)).arrayBuffer())).byteLength;
    const code = await gzip(`/consent/embed/${EMBED_VERSION}/consent.js`);
    const data = await gzip(embedDataPath('ja'));
    console.log(
      `\nThe consent embed ${EMBED_VERSION}: code ${kb(code)} + data (ja) ${kb(data)} = ${kb(code + data)} gzip`,
    );
    const page = `http://app.heyimg.test:${hostPort}/`;
    const lighthouse = await lighthouseSideBySide(
      [
        {label: 'host page with the embed', url: page},
        {label: 'host page with the embed, async', url: `${page}?async`},
        {label: 'host page without it', url: `${page}?without-embed`},
      ],
      runs,
      null,
    );
    const [withEmbed, withAsync, without] = lighthouse.medians;
    const cost = (snippet: string, run: typeof without) => ({
      'the embed on a host page (same run)': snippet,
      'Performance Δ': run!.performance - without!.performance,
      'TBT Δ ms': Math.round(run!.tbt - without!.tbt),
      'FCP Δ ms': Math.round(run!.fcp - without!.fcp),
      'LCP Δ ms': Math.round(run!.lcp - without!.lcp),
      'CLS with it': run!.cls.toFixed(3),
    });
    table([cost('the README snippet (blocking)', withEmbed), cost('the snippet with async', withAsync)]);
    return {codeGzip: code, dataGzip: data, lighthouse: lighthouse.medians};
  } finally {
    process.kill(-host.pid!, 'SIGTERM');
  }
}
