import {getTranslations} from 'next-intl/server';
import type {PolicyFrontmatter} from '@/lib/policy/frontmatter';
import {PolicyDate} from './PolicyDate';

/**
 * 施行日, 最終改定日 and 版. A date legal staff have not set is shown as 未定, never filled in; the last
 * update is left out until a revision carries a date.
 */
export async function PolicyDates({frontmatter}: {frontmatter: PolicyFrontmatter}) {
  const t = await getTranslations('PolicyDates');
  return (
    <dl className="policy-dates">
      <div>
        <dt>{t('effectiveDate')}</dt>
        <dd>
          {frontmatter.effectiveDate ? (
            <PolicyDate date={frontmatter.effectiveDate} />
          ) : (
            <span className="date-unset">{t('unset')}</span>
          )}
        </dd>
      </div>
      {frontmatter.lastUpdated ? (
        <div>
          <dt>{t('lastUpdated')}</dt>
          <dd>
            <PolicyDate date={frontmatter.lastUpdated} />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('version')}</dt>
        <dd>{frontmatter.version}</dd>
      </div>
    </dl>
  );
}
