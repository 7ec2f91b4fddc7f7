import {useTranslations} from 'next-intl';
import type {Article, DefinedTerm} from '@/lib/policy/types';

/** 用語の定義: every term the text defines, linked to its defining occurrence. */
export function Glossary({terms, articles}: {terms: DefinedTerm[]; articles: Article[]}) {
  const t = useTranslations('Glossary');
  const tt = useTranslations('TableOfContents');
  if (terms.length === 0) return null;
  const placeOf = (term: DefinedTerm) => {
    const article = articles.find((a) => a.id === term.articleId);
    return article ? tt('articleNumber', {number: article.number}) : t('preamble');
  };
  return (
    <section className="glossary" id="glossary" aria-labelledby="glossary-title">
      <h2 id="glossary-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <dl>
        {terms.map((term) => (
          <div key={term.id}>
            <dt>
              <a href={`#${term.id}`}>{term.term}</a>
            </dt>
            <dd>{t('definedIn', {place: placeOf(term)})}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
