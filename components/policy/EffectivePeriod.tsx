import {useTranslations} from 'next-intl';
import type {PolicyVersion} from '@/lib/policy/load';
import {PolicyDate} from './PolicyDate';

/** The day before a date: the last day a version is in force before the next one takes effect. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 施行期間, as a row of a <dl>: from its effective date (未定 while unset) until the day before the
 * next version's.
 */
export function EffectivePeriod({version, next}: {version: PolicyVersion; next: PolicyVersion | null}) {
  const t = useTranslations('PolicyVersions');
  return (
    <div>
      <dt>{t('period')}</dt>
      <dd>
        <Period version={version} next={next} />
      </dd>
    </div>
  );
}

function Period({version, next}: {version: PolicyVersion; next: PolicyVersion | null}) {
  const t = useTranslations('PolicyVersions');
  const tp = useTranslations('PolicyDates');
  const from = version.effectiveDate ? (
    <PolicyDate date={version.effectiveDate} />
  ) : (
    <span className="date-unset">{tp('unset')}</span>
  );
  if (!next?.effectiveDate) return t.rich('periodFrom', {from: () => from});
  const until = <PolicyDate date={dayBefore(next.effectiveDate)} />;
  return t.rich('periodRange', {from: () => from, until: () => until});
}
