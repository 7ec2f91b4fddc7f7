import {describe, expect, it} from 'vitest';
import {
  currentIndex,
  dayBefore,
  effectiveInstant,
  epochByName,
  epochNames,
  epochOn,
  japanDay,
  nextSwitch,
  PAGE_CACHE_SECONDS,
  pageCacheControl,
  statusOf,
} from '@/lib/policy/schedule';

const undatedFirst = [
  {version: '1.0.0', effectiveDate: null},
  {version: '1.1.0', effectiveDate: '2027-04-01'},
  {version: '1.2.0', effectiveDate: '2027-10-01'},
];

describe('dates decide status, and only dates', () => {
  it('shows the first version until a date comes, and never calls it in force without one', () => {
    expect(currentIndex(undatedFirst, '2026-11-30')).toBe(0);
    expect(statusOf(undatedFirst, 0, 0, '2026-11-30')).toBe('published');
    expect(statusOf(undatedFirst, 1, 0, '2026-11-30')).toBe('upcoming');
  });

  it('switches on each effective date (Japanese calendar days)', () => {
    expect(currentIndex(undatedFirst, '2027-03-31')).toBe(0);
    expect(currentIndex(undatedFirst, '2027-04-01')).toBe(1);
    expect(currentIndex(undatedFirst, '2027-10-01')).toBe(2);
    expect(statusOf(undatedFirst, 0, 2, '2027-10-01')).toBe('superseded');
    expect(statusOf(undatedFirst, 1, 2, '2027-10-01')).toBe('superseded');
    expect(statusOf(undatedFirst, 2, 2, '2027-10-01')).toBe('in-force');
    expect(effectiveInstant('2027-04-01')).toBe(Date.parse('2027-03-31T15:00:00Z'));
    expect(dayBefore('2027-04-01')).toBe('2027-03-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });

  it('shows a first version dated in the future before its date, but never calls it in force then', () => {
    const datedFirst = [
      {version: '1.0.0', effectiveDate: '2027-04-01'},
      {version: '1.1.0', effectiveDate: '2027-10-01'},
    ];
    expect(currentIndex(datedFirst, '2027-03-31')).toBe(0);
    expect(statusOf(datedFirst, 0, 0, '2027-03-31')).toBe('pending');
    expect(statusOf(datedFirst, 1, 0, '2027-03-31')).toBe('upcoming');
    expect(currentIndex(datedFirst, '2027-04-01')).toBe(0);
    expect(statusOf(datedFirst, 0, 0, '2027-04-01')).toBe('in-force');
  });

  it('never lets a later version without a date take effect: it is a draft', () => {
    const draft = [
      {version: '1.0.0', effectiveDate: '2026-01-01'},
      {version: '1.1.0', effectiveDate: null},
    ];
    expect(currentIndex(draft, '9999-12-31')).toBe(0);
    expect(statusOf(draft, 0, 0, '9999-12-31')).toBe('in-force');
    expect(statusOf(draft, 1, 0, '9999-12-31')).toBe('draft');
    expect(nextSwitch(draft, Date.now())).toBeNull();
  });
});

describe('epochs: the periods whose pages are the same on every day', () => {
  const datedFirst = [
    {version: '1.0.0', effectiveDate: '2027-04-01'},
    {version: '1.1.0', effectiveDate: '2027-10-01'},
  ];
  /** The status of every version on a day, as the epoch of that day's pages shows it. */
  const pagesOn = (versions: typeof datedFirst | typeof undatedFirst, day: string) => {
    const {current, day: epochDay} = epochByName(versions, epochOn(versions, day).name)!;
    return versions.map((_, i) => statusOf(versions, i, current, epochDay));
  };

  it('gives a dated first version an epoch before its date, where it is published but not in force', () => {
    expect(epochNames(datedFirst)).toEqual(['1.0.0-pending', '1.0.0', '1.1.0']);
    expect(epochOn(datedFirst, '2027-03-31')).toEqual({name: '1.0.0-pending', current: 0});
    expect(pagesOn(datedFirst, '2027-03-31')).toEqual(['pending', 'upcoming']);
    expect(epochOn(datedFirst, '2027-04-01')).toEqual({name: '1.0.0', current: 0});
    expect(pagesOn(datedFirst, '2027-04-01')).toEqual(['in-force', 'upcoming']);
    expect(pagesOn(datedFirst, '2027-10-01')).toEqual(['superseded', 'in-force']);
  });

  it('gives an undated first version one epoch, published on every day', () => {
    expect(epochNames(undatedFirst)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
    expect(pagesOn(undatedFirst, '2026-11-30')).toEqual(['published', 'upcoming', 'upcoming']);
    expect(pagesOn(undatedFirst, '2027-04-01')).toEqual(['superseded', 'in-force', 'upcoming']);
  });

  it('shows on every day of an epoch what that day’s statuses are (every day of two years)', () => {
    for (
      let t = Date.parse('2026-12-01T00:00:00+09:00');
      t < Date.parse('2028-12-01T00:00:00+09:00');
      t += 86_400_000
    ) {
      const day = japanDay(t);
      for (const versions of [datedFirst, undatedFirst]) {
        const current = currentIndex(versions, day);
        const expected = versions.map((_, i) => statusOf(versions, i, current, day));
        expect(pagesOn(versions, day), day).toEqual(expected);
      }
    }
  });

  it('knows no epoch by another name', () => {
    expect(epochByName(datedFirst, '1.1.0-pending')).toBeNull();
    expect(epochByName(undatedFirst, '1.0.0-pending')).toBeNull();
    expect(epochByName(datedFirst, '9.9.9')).toBeNull();
  });
});

describe('what a shared cache may keep', () => {
  const now = Date.parse('2027-03-31T14:55:00Z');

  it('is bounded when nothing is scheduled: a deploy reaches every reader within minutes', () => {
    expect(pageCacheControl(null, now)).toBe(`public, max-age=0, s-maxage=${PAGE_CACHE_SECONDS}`);
    expect(PAGE_CACHE_SECONDS).toBeLessThanOrEqual(600);
  });

  it('never reaches past the next effective date', () => {
    const switchesAt = nextSwitch(undatedFirst, now)!;
    expect(switchesAt).toBe(effectiveInstant('2027-04-01'));
    expect(pageCacheControl(switchesAt, now)).toBe('public, max-age=0, s-maxage=300');
    expect(pageCacheControl(switchesAt, switchesAt - 10)).toBe('public, max-age=0, s-maxage=1');
  });
});
