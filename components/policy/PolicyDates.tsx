import {getTranslations} from 'next-intl/server';
import type {PolicyFrontmatter} from '@/lib/policy/frontmatter';
import {PolicyDate} from './PolicyDate';

export async function PolicyDates({frontmatter}: {frontmatter: PolicyFrontmatter}) {
  const t = await getTranslations('PolicyDates');
  return (
    <dl className="policy-dates">
      <div>
        <dt>{t('effectiveDate')}</dt>
        <dd>
          <PolicyDate date={frontmatter.effectiveDate} />
        </dd>
      </div>
      <div>
        <dt>{t('lastUpdated')}</dt>
        <dd>
          <PolicyDate date={frontmatter.lastUpdated} />
        </dd>
      </div>
      <div>
        <dt>{t('version')}</dt>
        <dd>{frontmatter.version}</dd>
      </div>
    </dl>
  );
}
