import type {Locale} from '@/i18n/routing';
import {loadPolicy} from '@/lib/policy/load';
import {compilePolicy} from '@/lib/policy/render';
import {CookieTable} from './CookieTable';
import {Glossary} from './Glossary';
import {PolicyDates} from './PolicyDates';
import {RevisionHistory} from './RevisionHistory';
import {TableOfContents} from './TableOfContents';
import {TranslationNotice} from './TranslationNotice';

export async function PolicyView({locale}: {locale: Locale}) {
  const {document, changes} = loadPolicy(locale);
  const frontmatter = document.frontmatter!;
  const Content = await compilePolicy(document);
  return (
    <article className="policy">
      <header className="policy-header">
        <h1>{document.title}</h1>
        <PolicyDates frontmatter={frontmatter} />
      </header>
      <TableOfContents articles={document.articles} />
      <div className="policy-body">
        <Content components={{CookieTable: () => <CookieTable locale={locale} />, TranslationNotice}} />
      </div>
      <Glossary terms={document.terms} articles={document.articles} />
      <RevisionHistory revisions={frontmatter.revisions} changes={changes} />
    </article>
  );
}
