import {createHash} from 'node:crypto';

/** The sha256 sources of every inline <script> in a page that may run, in CSP syntax ('sha256-…'). */
export function inlineScriptHashes(html: string): string[] {
  return inlineHashes(html, 'script');
}

/** The sha256 sources of every <style> element the build inlined into a page (its CSS). */
export function inlineStyleHashes(html: string): string[] {
  return inlineHashes(html, 'style');
}

function inlineHashes(html: string, tag: 'script' | 'style'): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)<\\/${tag}>`, 'gi'))) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attributes)) continue;
    // Data for the consent island (application/json) never runs; an inert gated tag (text/plain)
    // runs once its category is granted, so it keeps its hash.
    if (/\stype\s*=\s*"application\/json"/i.test(attributes)) continue;
    const body = match[2]!;
    if (body.length === 0) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The Content-Security-Policy of a page. Scripts and styles: our own files plus the exact inline
 * scripts and <style> elements the build wrote into that page (by hash) — no 'unsafe-inline'.
 */
export function contentSecurityPolicy(
  hashes: {scripts: string[]; styles: string[]},
  options: {https: boolean},
): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${hashes.scripts.join(' ')}`.trim(),
    `style-src 'self' ${hashes.styles.join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}
