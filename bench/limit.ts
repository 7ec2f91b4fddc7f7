import {spawn} from 'node:child_process';
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {gzipBytes, scratchDir, waitFor} from './lib';

/** Every <script> element, inline or not, JSON data included. */
const SCRIPTS = /<script\b[^>]*>[\s\S]*?<\/script>/gi;

/** The site's own headers a browser acts on. */
const SITE_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'x-frame-options',
];

/**
 * The limit: the site's own /privacy HTML with every <script> removed, and the files it links
 * (stylesheets, icon), served as static files by nginx (one worker, gzip level 6). No page of
 * this content can cost less; the site is measured against it in the same run.
 *
 * Beside it, the site's /privacy exactly as sent (scripts and the island included) from the same
 * nginx with the site's headers (/privacy-as-sent): what the server changes in Lighthouse's
 * figures (docs/design.md).
 */
export async function startLimit(siteOrigin: string, port: number) {
  const dir = scratchDir('bench-limit-');
  const root = path.join(dir, 'root');
  const sent = await fetch(`${siteOrigin}/privacy`);
  const full = await sent.text();
  const html = full.replace(SCRIPTS, '');
  mkdirSync(root, {recursive: true});
  writeFileSync(path.join(root, 'privacy.html'), html);
  writeFileSync(path.join(root, 'site.html'), full);
  const island = /"island":"([^"]+)"/.exec(full)?.[1];
  if (island) {
    mkdirSync(path.join(root, path.dirname(island)), {recursive: true});
    writeFileSync(path.join(root, island), new Uint8Array(await (await fetch(siteOrigin + island)).arrayBuffer()));
  }
  const addHeaders = () =>
    SITE_HEADERS.filter((name) => sent.headers.get(name))
      .map((name) => `add_header ${name} "${sent.headers.get(name)!.replaceAll('"', '')}" always;`)
      .join(' ');
  let css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  for (const href of new Set([...html.matchAll(/<link[^>]*\shref="(\/[^"]+)"/g)].map((m) => m[1]!))) {
    const file = path.join(root, href.split('?')[0]!);
    const body = new Uint8Array(await (await fetch(siteOrigin + href)).arrayBuffer());
    if (href.endsWith('.css')) css += new TextDecoder().decode(body);
    mkdirSync(path.dirname(file), {recursive: true});
    writeFileSync(file, body);
  }
  // The design question of the CSS, measured on the limit itself: the same page with its CSS linked
  // as a file, and inlined as <style> (which a hash CSP allows).
  const bare = html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<link[^>]*rel="(?:preload|stylesheet)"[^>]*>/g, '');
  const variants = {
    'css-linked': bare.replace('</head>', '<link rel="stylesheet" href="/site.css"></head>'),
    'css-inlined': bare.replace('</head>', `<style>${css}</style></head>`),
  };
  writeFileSync(path.join(root, 'site.css'), css);
  for (const [name, page] of Object.entries(variants)) writeFileSync(path.join(root, `privacy-${name}.html`), page);
  const conf = path.join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  gzip on; gzip_comp_level 6; gzip_types text/html text/css image/svg+xml; gzip_min_length 1000;
  server {
    listen 127.0.0.1:${port}; root ${root};
    location = /privacy { default_type "text/html; charset=utf-8"; try_files /privacy.html =404; }
    location ~ ^/privacy-(css-linked|css-inlined)$ { default_type "text/html; charset=utf-8"; try_files /privacy-$1.html =404; }
    location = /privacy-as-sent { default_type "text/html; charset=utf-8"; ${addHeaders()} try_files /site.html =404; }
  }
}
`,
  );
  const child = spawn('nginx', ['-c', conf], {stdio: 'ignore', detached: true});
  const stop = () => process.kill(-child.pid!, 'SIGTERM');
  await waitFor(`http://127.0.0.1:${port}/privacy`).catch((error: unknown) => {
    stop();
    throw error;
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    htmlGzip: gzipBytes(html),
    variants: Object.fromEntries(Object.entries(variants).map(([name, page]) => [name, gzipBytes(page)])),
    stop,
  };
}
