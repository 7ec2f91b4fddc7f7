'use client';

import type {FormEvent} from 'react';
import {openPreferences, saveConsent} from '@/lib/consent/client';
import {ALL_DENIED, ALL_GRANTED} from '@/lib/consent/record';
import type {BannerStrings} from './strings';

/**
 * The banner. Its visibility is CSS on <html data-consent>, set before first paint by the boot
 * script and afterwards by the consent store, so React never decides it and nothing flashes.
 * It is a labelled region, not a modal: the policy stays readable. Without JavaScript its form
 * posts to /api/consent.
 */
export function ConsentBanner({
  strings,
  locale,
  policyHref,
  revisionsHref,
}: {
  strings: BannerStrings;
  locale: string;
  policyHref: string;
  revisionsHref: string;
}) {
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (!submitter) return;
    event.preventDefault();
    saveConsent(submitter.value === 'accept' ? ALL_GRANTED : ALL_DENIED, 'banner');
    // The banner and the focused button are gone: continue from the page, where the reader was.
    document.getElementById('main')?.focus({preventScroll: true});
  };

  return (
    <section id="consent-banner" className="consent-banner" aria-labelledby="consent-banner-title">
      <div className="consent-banner-inner">
        <h2 id="consent-banner-title">{strings.title}</h2>
        {/* Without JavaScript the form redirects back to #consent-saved: CSS (:target) shows this. */}
        <p id="consent-saved" className="consent-saved" role="status">
          {strings.saved}
        </p>
        <p id="consent-pending" className="consent-saved" role="status">
          {strings.pending}
        </p>
        <p className="consent-reconsent">
          {strings.reconsent} <a href={revisionsHref}>{strings.revisionsLink}</a>
        </p>
        <p className="consent-body">
          {strings.body} <a href={policyHref}>{strings.policyLink}</a>
        </p>
        <form method="post" action="/api/consent" onSubmit={onSubmit}>
          <input type="hidden" name="locale" value={locale} />
          <div className="consent-actions">
            <button type="submit" name="choice" value="accept" className="consent-choice">
              {strings.accept}
            </button>
            <button type="submit" name="choice" value="decline" className="consent-choice">
              {strings.decline}
            </button>
            <button type="button" className="consent-settings" onClick={openPreferences}>
              {strings.settings}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
