import {parseCookieDomain} from './cookie-domain';
import {RECEIPT_ORIGIN_PATTERN} from './schema';

/**
 * The consent's deployment settings, read once from the environment by the server (and by the
 * build, for what it writes into the pages and the embed's data).
 */

/**
 * The consent cookie's Domain, one for every HeyImg site (CONSENT_COOKIE_DOMAIN, e.g.
 * heyimg.example): the build writes it into the pages and the embed's data, and the server uses it
 * for its Set-Cookie; scripts/server.ts refuses to start when the build's differs from its own.
 */
export const CONSENT_COOKIE_DOMAIN = parseCookieDomain(process.env.CONSENT_COOKIE_DOMAIN);

/**
 * The origins of the other HeyImg pages that embed the consent (CONSENT_ALLOWED_ORIGINS, by commas:
 * https://app.heyimg.example,https://www.heyimg.example): the only ones whose pages may record,
 * read or delete a choice through the API (CORS, with credentials). Each must be an origin exactly
 * — a scheme, a host and an optional port — or the server does not start.
 */
export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let origin: string | null = null;
      try {
        origin = new URL(entry).origin;
      } catch {
        // reported below
      }
      // The pattern a receipt's origin is stored under (a wildcard is no origin).
      if (
        !origin ||
        !new RegExp(RECEIPT_ORIGIN_PATTERN).test(origin) ||
        origin !== entry.replace(/\/$/, '').toLowerCase()
      )
        throw new Error(
          `CONSENT_ALLOWED_ORIGINS: "${entry}" is not an origin (a scheme, a host and an optional port, as https://app.heyimg.example).`,
        );
      return origin;
    });
}

let allowed: string[] | null = null;

/** The embedding origins, read once (scripts/server.ts has checked them at start). */
export function allowedOrigins(): string[] {
  return (allowed ??= parseAllowedOrigins(process.env.CONSENT_ALLOWED_ORIGINS));
}
