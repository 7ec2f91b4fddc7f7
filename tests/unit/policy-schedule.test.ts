import {describe, expect, it} from 'vitest';
import {
  currentIndex,
  dayBefore,
  effectiveInstant,
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
    expect(statusOf(undatedFirst, 0, 0)).toBe('published');
    expect(statusOf(undatedFirst, 1, 0)).toBe('upcoming');
  });

  it('switches on each effective date (Japanese calendar days)', () => {
    expect(currentIndex(undatedFirst, '2027-03-31')).toBe(0);
    expect(currentIndex(undatedFirst, '2027-04-01')).toBe(1);
    expect(currentIndex(undatedFirst, '2027-10-01')).toBe(2);
    expect(statusOf(undatedFirst, 0, 2)).toBe('superseded');
    expect(statusOf(undatedFirst, 1, 2)).toBe('superseded');
    expect(statusOf(undatedFirst, 2, 2)).toBe('in-force');
    expect(effectiveInstant('2027-04-01')).toBe(Date.parse('2027-03-31T15:00:00Z'));
    expect(dayBefore('2027-04-01')).toBe('2027-03-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
  });

  it('never lets a later version without a date take effect: it is a draft', () => {
    const draft = [
      {version: '1.0.0', effectiveDate: '2026-01-01'},
      {version: '1.1.0', effectiveDate: null},
    ];
    expect(currentIndex(draft, '9999-12-31')).toBe(0);
    expect(statusOf(draft, 0, 0)).toBe('in-force');
    expect(statusOf(draft, 1, 0)).toBe('draft');
    expect(nextSwitch(draft, Date.now())).toBeNull();
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
