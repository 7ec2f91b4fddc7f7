/**
 * Consent categories. `necessary` is always on; the others need the visitor's choice. Shared by the
 * client (the record) and the server (the registry), so it carries no dependencies.
 */
export const CONSENT_CATEGORIES = ['necessary', 'analytics', 'advertising'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
export const OPTIONAL_CATEGORIES = ['analytics', 'advertising'] as const satisfies readonly ConsentCategory[];
export type OptionalCategory = (typeof OPTIONAL_CATEGORIES)[number];

/** The consent cookie's name, fixed here because the registry must declare it too. */
export const CONSENT_COOKIE = 'heyimg_consent';
export const CONSENT_MAX_AGE_DAYS = 180;
