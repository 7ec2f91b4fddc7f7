import {useTranslations} from 'next-intl';
import type {PolicyVersion} from '@/lib/policy/load';
import {dayBefore} from '@/lib/policy/schedule';
import {PolicyDate} from './PolicyDate';

/**
 * 施行期間, as a row of a <dl>: from its effective date until the day before the next version's. A
 * version whose date is not decided has no period: the row says 施行日 未定, never 「未定 から」.
 */
export function EffectivePeriod({version, next}: {version: PolicyVersion; next: PolicyVersion | null}) {
  const t = useTranslations('PolicyVersions');
  const tp = useTranslations('PolicyDates');
  if (!version.effectiveDate) {
    return (
      <div>
        <dt>{tp('effectiveDate')}</dt>
        <dd>
          <span className="date-unset">{tp('unset')}</span>
        </dd>
      </div>
    );
  }
  const from = <PolicyDate date={version.effectiveDate} />;
  return (
    <div>
      <dt>{t('period')}</dt>
      <dd>
        {next?.effectiveDate
          ? t.rich('periodRange', {from: () => from, until: () => <PolicyDate date={dayBefore(next.effectiveDate!)} />})
          : t.rich('periodFrom', {from: () => from})}
      </dd>
    </div>
  );
}
