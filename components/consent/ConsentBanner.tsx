import type {BannerStrings} from './strings';

/**
 * The banner. Its visibility is CSS on <html data-consent>, set before first paint by the boot
 * script and afterwards by the consent island, so nothing flashes. It is a labelled region, not a
 * modal: the policy stays readable. Without JavaScript its form posts to /api/consent; with it, the
 * island (components/consent/island.ts) records the choice in the browser. Why it asks again is
 * CSS on <html data-reconsent>: the policy changed (with its changes, when the version in force has
 * an earlier one: <html data-policy-changes>), or only the list of cookies did.
 */
export function ConsentBanner({
  strings,
  locale,
  policyHref,
  revisionsHref,
  cookieTableHref,
}: {
  strings: BannerStrings;
  locale: string;
  policyHref: string;
  revisionsHref: string;
  cookieTableHref: string;
}) {
  return (
    <section
      id="consent-banner"
      className="consent-banner"
      aria-labelledby="consent-banner-title"
      data-module="consent-banner"
    >
      <div className="consent-banner-inner">
        <h2 id="consent-banner-title">{strings.title}</h2>
        {/* Without JavaScript the form redirects back to #consent-saved, -renewed or -pending: CSS (:target) shows it. */}
        <p id="consent-saved" className="consent-saved" role="status">
          {strings.saved}
        </p>
        <p id="consent-renewed" className="consent-saved" role="status">
          {strings.renewed}
        </p>
        <p id="consent-pending" className="consent-saved" role="status">
          {strings.pending}
        </p>
        <p className="consent-reconsent consent-reconsent-policy">
          {strings.reconsent}{' '}
          <a className="consent-revisions-link" href={revisionsHref}>
            {strings.revisionsLink}
          </a>
        </p>
        <p className="consent-reconsent consent-reconsent-registry">
          {strings.reconsentRegistry} <a href={cookieTableHref}>{strings.cookieTableLink}</a>
        </p>
        <p className="consent-body">
          {strings.body} <a href={policyHref}>{strings.policyLink}</a>
        </p>
        <form method="post" action="/api/consent">
          <input type="hidden" name="locale" value={locale} />
          <div className="consent-actions">
            <button type="submit" name="choice" value="accept" className="consent-choice">
              {strings.accept}
            </button>
            <button type="submit" name="choice" value="decline" className="consent-choice">
              {strings.decline}
            </button>
            <button type="button" className="consent-settings" data-consent-open="">
              {strings.settings}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
