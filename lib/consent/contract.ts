/**
 * The consent record's contract: every fact about the cookie, declared once. The zod schema
 * (schema.ts), the browser's dependency-free check (record.ts, which receives this object as JSON in
 * the boot script), the registry, the dialog, the CSV columns and the store's columns derive from it;
 * the store tests hold the SQL constraints to it. No imports: it ships to the browser.
 *
 * Adding a category: add it here, write a migration adding its column, declare it in the registry
 * (label and description in both languages). The registry schema and the store test fail until all
 * three exist.
 */
export const CONSENT_CONTRACT = {
  cookie: 'heyimg_consent',
  /**
   * The record's format; a change of shape is a new version, and older records count as no choice.
   * 2 added the language the policy was read in (l) and the registry's fingerprint (rf).
   */
  schemaVersion: 2,
  /** Categories that need the visitor's choice; `necessary` is always on (CONSENT_CATEGORIES). */
  optional: ['analytics', 'advertising'],
  methods: ['banner', 'preferences', 'form', 'gpc'],
  maxAgeDays: 180,
  /** The cookie value's maximum length: more is tampering, not a choice. */
  maxLength: 512,
  /** How far in the future a record's time may lie (clocks differ). */
  clockSkewMs: 5 * 60 * 1000,
  /** No record is older than the site: 2024-01-01 UTC. */
  earliest: Date.UTC(2024, 0, 1),
  /** A random 128-bit id, 32 lowercase hex digits. */
  idPattern: '^[0-9a-f]{32}$',
  /** A policy version, as the policy frontmatter writes it (1.2.0). */
  versionPattern: '^\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}$',
  /** The language the policy was shown in (the server checks it is one of the site's). */
  localePattern: '^[a-z]{2}$',
  /** The registry's fingerprint: 64 bits of a SHA-256, in hex (lib/consent/registry.ts). */
  fingerprintPattern: '^[0-9a-f]{16}$',
  /** Google Consent Mode v2 signals each optional category grants. */
  gtagSignals: {
    analytics: ['analytics_storage'],
    advertising: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  },
} as const;

export type ConsentContract = typeof CONSENT_CONTRACT;
export type OptionalCategory = ConsentContract['optional'][number];
export type ConsentCategory = 'necessary' | OptionalCategory;
export type ConsentMethod = ConsentContract['methods'][number];

/** Every category the registry must declare: the one always on, then the optional ones. */
export const CONSENT_CATEGORIES: readonly ConsentCategory[] = ['necessary', ...CONSENT_CONTRACT.optional];

export const CONSENT_COOKIE = CONSENT_CONTRACT.cookie;
export const CONSENT_MAX_AGE_SECONDS = CONSENT_CONTRACT.maxAgeDays * 24 * 60 * 60;
export const CONSENT_MAX_AGE_MS = CONSENT_MAX_AGE_SECONDS * 1000;

/** The same answer for every optional category. */
export function everyOptional(granted: boolean): Record<OptionalCategory, boolean> {
  return Object.fromEntries(CONSENT_CONTRACT.optional.map((category) => [category, granted])) as Record<
    OptionalCategory,
    boolean
  >;
}
