import {useTranslations} from 'next-intl';
import type {Article} from '@/lib/policy/types';

export function TableOfContents({articles}: {articles: Article[]}) {
  const t = useTranslations('TableOfContents');
  return (
    <nav className="toc" id="toc" aria-labelledby="toc-title">
      <h2 id="toc-title">{t('title')}</h2>
      <ol>
        {articles.map((article) => (
          <li key={article.id}>
            <a href={`#${article.id}`}>
              <span className="toc-number">{t('articleNumber', {number: article.number})}</span>
              <span className="toc-title">{article.title}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
