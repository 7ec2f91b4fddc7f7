/**
 * The consent cookie's Domain: one choice for every HeyImg site when CONSENT_COOKIE_DOMAIN names
 * their common parent (heyimg.example), set from whichever of them the visitor chose on. A host
 * outside that domain — this machine in development and the tests, a preview address — keeps a
 * cookie of its own (no Domain), which is all a browser would accept there anyway. The browser's
 * store (lib/consent/client.ts) and the server (lib/consent/http.ts) decide with this one function.
 * No imports: it ships to the browser.
 */
export function cookieDomainFor(hostname: string, configured: string | null | undefined): string | undefined {
  const domain = configured?.replace(/^\./, '').toLowerCase();
  if (!domain) return undefined;
  const host = hostname.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`) ? domain : undefined;
}

/** A configured domain as the build and the server take it: a host name of two labels or more, or nothing. */
export function parseCookieDomain(value: string | undefined): string | null {
  const domain = value?.trim().replace(/^\./, '').toLowerCase();
  if (!domain) return null;
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(domain))
    throw new Error(`CONSENT_COOKIE_DOMAIN=${value}: a domain name such as heyimg.example, without a scheme or port.`);
  return domain;
}
