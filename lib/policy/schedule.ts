/**
 * Which version is in force when — decided by effective dates, and only by them. Effective dates are
 * Japanese calendar days: a version takes effect at 00:00 JST on its date. A version whose date legal
 * staff have not set is never in force: the first version is then only "published" (公開中、施行日未定),
 * and a later one is a draft that `next build` and `npm run policy:check` refuse (rule
 * effective-date-required); `npm run dev` previews it. Pure and dependency-free: the proxy, the pages
 * and the consent code all decide with it.
 */
export interface Scheduled {
  version: string;
  effectiveDate: string | null;
}

/**
 * in-force: dated and current. published: current, but no effective date was decided (only the
 * first version can be). superseded: a later version is current. upcoming: dated after today.
 * draft: a later version with no date (development previews only).
 */
export type VersionStatus = 'in-force' | 'published' | 'superseded' | 'upcoming' | 'draft';

/** The calendar day in Japan (YYYY-MM-DD) at an instant. */
export function japanDay(now: number): string {
  return new Date(now + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The instant a date takes effect: 00:00 JST. */
export function effectiveInstant(date: string): number {
  return Date.parse(`${date}T00:00:00+09:00`);
}

/** The day before a date: the last day a version is in force before the next one takes effect. */
export function dayBefore(date: string): string {
  return japanDay(effectiveInstant(date) - 1);
}

/**
 * The index of the version the site shows as current on a day: the newest whose effective date has
 * come, or the first version while none has (in force or only published, as its date says).
 */
export function currentIndex(versions: readonly Scheduled[], day: string): number {
  let index = 0;
  versions.forEach((v, i) => {
    if (v.effectiveDate && v.effectiveDate <= day) index = i;
  });
  return index;
}

/** The status of the version at `index` while the version at `current` is current. */
export function statusOf(versions: readonly Scheduled[], index: number, current: number): VersionStatus {
  const dated = versions[index]?.effectiveDate != null;
  if (index === current) return dated ? 'in-force' : 'published';
  if (index < current) return 'superseded';
  return dated ? 'upcoming' : 'draft';
}

/** The next instant after `now` at which another version takes effect, or null. */
export function nextSwitch(versions: readonly Scheduled[], now: number): number | null {
  const upcoming = versions
    .filter((v) => v.effectiveDate && effectiveInstant(v.effectiveDate) > now)
    .map((v) => effectiveInstant(v.effectiveDate!));
  return upcoming.length > 0 ? Math.min(...upcoming) : null;
}

/**
 * How long a shared cache (a CDN) may keep a page: ten minutes at most, so a deploy reaches every
 * reader within that time even without a purge (docs/editing-policy.md §6), and never past the next
 * effective date, so the switch happens on the day.
 */
export const PAGE_CACHE_SECONDS = 600;

export function pageCacheControl(switchesAt: number | null, now: number): string {
  const untilSwitch = switchesAt === null ? Infinity : Math.floor((switchesAt - now) / 1000);
  const seconds = Math.max(1, Math.min(PAGE_CACHE_SECONDS, untilSwitch));
  return `public, max-age=0, s-maxage=${seconds}`;
}
