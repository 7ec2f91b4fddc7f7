import {gzipBytes, kb, table} from './lib';

export interface PageWeight {
  scripts: {src: string; gzip: number}[];
  css: {href: string; gzip: number}[];
  scriptTotal: number;
  /** Inline scripts that run (the boot script; the floor's RSC payload), JSON data left out. */
  inlineScriptGzip: number;
  /** Everything the page runs: script files and inline scripts. */
  jsTotal: number;
  cssTotal: number;
  htmlGzip: number;
  rscGzip: number;
}

/** Every script and stylesheet a page loads, gzip-compressed, plus its HTML and the RSC payload in it. */
export async function pageWeight(origin: string, path: string): Promise<PageWeight> {
  const html = await (await fetch(origin + path)).text();
  // Script files the HTML names, and the island the site's boot script loads after the paint (its
  // address is in the boot script's config).
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|"island":"([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
  const hrefs = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const size = async (url: string) => gzipBytes(new Uint8Array(await (await fetch(origin + url)).arrayBuffer()));
  const scripts = await Promise.all([...new Set(srcs)].map(async (src) => ({src, gzip: await size(src)})));
  const css = await Promise.all([...new Set(hrefs)].map(async (href) => ({href, gzip: await size(href)})));
  const inline = [...html.matchAll(/<script(?![^>]*\s(?:src|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join('');
  const rsc = [...html.matchAll(/<script>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  const scriptTotal = scripts.reduce((s, x) => s + x.gzip, 0);
  return {
    scripts,
    css,
    scriptTotal,
    inlineScriptGzip: gzipBytes(inline),
    jsTotal: scriptTotal + gzipBytes(inline),
    cssTotal: css.reduce((s, x) => s + x.gzip, 0),
    htmlGzip: gzipBytes(html),
    rscGzip: gzipBytes(rsc),
  };
}

export function printWeight(title: string, weight: PageWeight): void {
  console.log(`\n${title}`);
  table([
    ...weight.scripts.map((s) => ({file: s.src, gzip: kb(s.gzip)})),
    ...weight.css.map((c) => ({file: c.href, gzip: kb(c.gzip)})),
  ]);
  console.log(
    `  script files ${kb(weight.scriptTotal)}, inline scripts ${kb(weight.inlineScriptGzip)}, CSS ${kb(weight.cssTotal)}; HTML ${kb(weight.htmlGzip)} (RSC payload inside it ${kb(weight.rscGzip)})`,
  );
}
