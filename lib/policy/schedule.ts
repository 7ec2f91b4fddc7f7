/**
 * Which version is in force when. Effective dates are Japanese calendar days: a version takes
 * effect at 00:00 JST on its date. A version whose date legal staff have not set is in force from
 * publication; one dated after today is upcoming. Pure and dependency-free: the proxy, the pages and
 * the consent code all decide with it.
 */
export interface Scheduled {
  version: string;
  effectiveDate: string | null;
}

export type VersionStatus = 'in-force' | 'superseded' | 'upcoming';

/** The calendar day in Japan (YYYY-MM-DD) at an instant. */
export function japanDay(now: number): string {
  return new Date(now + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The instant a date takes effect: 00:00 JST. */
export function effectiveInstant(date: string): number {
  return Date.parse(`${date}T00:00:00+09:00`);
}

/** The index of the version in force on a day: the newest that is not dated after it. */
export function inForceIndex(versions: readonly Scheduled[], day: string): number {
  let index = 0;
  versions.forEach((v, i) => {
    if (!v.effectiveDate || v.effectiveDate <= day) index = i;
  });
  return index;
}

export function statusOf(index: number, inForce: number): VersionStatus {
  return index === inForce ? 'in-force' : index < inForce ? 'superseded' : 'upcoming';
}

/** The next instant after `now` at which another version takes effect, or null. */
export function nextSwitch(versions: readonly Scheduled[], now: number): number | null {
  const upcoming = versions
    .filter((v) => v.effectiveDate && effectiveInstant(v.effectiveDate) > now)
    .map((v) => effectiveInstant(v.effectiveDate!));
  return upcoming.length > 0 ? Math.min(...upcoming) : null;
}
