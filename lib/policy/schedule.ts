/**
 * Which version is in force when — decided by effective dates, and only by them. Effective dates are
 * Japanese calendar days: a version takes effect at 00:00 JST on its date. A version is never in force
 * before its date, nor without one: the first version is then "pending" or only "published" (公開中),
 * and a later one without a date is a draft that `next build` and `npm run policy:check` refuse (rule
 * effective-date-required); `npm run dev` previews it. Pure and dependency-free: the page plan
 * (lib/pages/plan.ts), the pages and the consent code all decide with it.
 */
export interface Scheduled {
  version: string;
  effectiveDate: string | null;
}

/**
 * in-force: current, and its date has come. published: current, but no effective date was decided.
 * pending: current, but its date has not come (only the first version can be published or pending:
 * it is current before any date). superseded: a later version is current. upcoming: dated after
 * today. draft: a later version with no date (development previews only).
 */
export type VersionStatus = 'in-force' | 'published' | 'pending' | 'superseded' | 'upcoming' | 'draft';

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

/** The status on `day` of the version at `index`, while the version at `current` is current. */
export function statusOf(versions: readonly Scheduled[], index: number, current: number, day: string): VersionStatus {
  const date = versions[index]?.effectiveDate ?? null;
  // The first version is current even before its own date (currentIndex): being current is not being in force.
  if (index === current) return date === null ? 'published' : date <= day ? 'in-force' : 'pending';
  if (index < current) return 'superseded';
  return date !== null ? 'upcoming' : 'draft';
}

/** Names the epoch before a dated first version's date (versions are "1.2.0": no name can clash). */
const PENDING = '-pending';

/**
 * The epochs: the periods in which the same pages are right, each prerendered once and served on
 * its days (lib/pages/plan.ts), so statuses never depend on the day of a build. Each is named by the
 * version current during it; a first version with a date has two, before its date (`1.0.0-pending`:
 * current, published, not yet in force) and from it.
 */
export function epochNames(versions: readonly Scheduled[]): string[] {
  const names = versions.map((v) => v.version);
  return versions[0]?.effectiveDate ? [`${versions[0].version}${PENDING}`, ...names] : names;
}

/** The epoch of a day: its name, and the index of the version current during it. */
export function epochOn(versions: readonly Scheduled[], day: string): {name: string; current: number} {
  const current = currentIndex(versions, day);
  const {version, effectiveDate} = versions[current]!;
  const pending = effectiveDate !== null && effectiveDate > day;
  return {name: pending ? `${version}${PENDING}` : version, current};
}

/**
 * An epoch by its name: the version current during it, and a day of it — any day of an epoch gives
 * the same statuses. Null for a name that is not an epoch.
 */
export function epochByName(versions: readonly Scheduled[], name: string): {current: number; day: string} | null {
  const pending = name.endsWith(PENDING);
  const current = versions.findIndex((v) => v.version === (pending ? name.slice(0, -PENDING.length) : name));
  const date = versions[current]?.effectiveDate ?? null;
  if (current < 0 || (pending && (current > 0 || date === null))) return null;
  if (pending) return {current, day: dayBefore(date!)};
  // An undated first version is published whatever the day; a dated version's epoch starts on its date.
  return {current, day: date ?? '0000-01-01'};
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
