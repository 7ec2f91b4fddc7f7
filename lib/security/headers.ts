/** Headers every response carries (next.config.ts); pages get their CSP from lib/pages/plan.ts. */
export const SECURITY_HEADERS = [
  {key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload'},
  {key: 'X-Content-Type-Options', value: 'nosniff'},
  {key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin'},
  {
    key: 'Permissions-Policy',
    value:
      'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=(), browsing-topics=()',
  },
  {key: 'X-Frame-Options', value: 'DENY'},
  // No Cross-Origin-Opener-Policy: every arrival from a page without it (the service's own pages on
  // this origin included) would start a new browsing context group and renderer, for a public
  // document that holds nothing another window could reach through an opener (docs/design.md).
];

/** For responses that are not pages (API, sitemap, robots, icons): nothing may run or embed them. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

const SECURITY_HEADER_RECORD = Object.fromEntries(SECURITY_HEADERS.map(({key, value}) => [key.toLowerCase(), value]));

/** A response's own headers (lower-case names) with the security headers added: every answer the site builds itself. */
export function withSecurityHeaders(headers: Record<string, string>): Record<string, string> {
  return {...headers, ...SECURITY_HEADER_RECORD};
}
