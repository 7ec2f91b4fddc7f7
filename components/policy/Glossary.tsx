import {getTranslations} from 'next-intl/server';
import type {Article, DefinedTerm} from '@/lib/policy/types';

/** 用語の定義: every term the text defines, linked to its defining occurrence. */
export async function Glossary({terms, articles}: {terms: DefinedTerm[]; articles: Article[]}) {
  if (terms.length === 0) return null;
  const t = await getTranslations('Glossary');
  const tt = await getTranslations('TableOfContents');
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
