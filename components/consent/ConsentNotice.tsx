import type {NoticeStrings} from './strings';

/**
 * What the visitor must be told after a choice, whatever the banner shows: that the server kept it
 * under a new record id, or did not keep it (and it is sent again), or that Global Privacy Control
 * declined for them under a revised policy. The status line is always there (empty), so a screen
 * reader hears it when the behaviour module fills it in; the box shows only then ([data-open]),
 * over the page (it moves nothing), until closed.
 */
export function ConsentNotice({strings}: {strings: NoticeStrings}) {
  return (
    <section
      className="consent-notice"
      data-module="consent-notice"
      aria-labelledby="consent-notice-title"
      data-renewed={strings.renewed}
      data-refused={strings.refused}
      data-gpc-policy={strings.gpcPolicy}
    >
      <h2 id="consent-notice-title" className="consent-notice-title">
        {strings.title}
      </h2>
      <p role="status" data-notice-text="" />
      <button type="button" className="consent-settings" data-consent-notice-close="">
        {strings.close}
      </button>
    </section>
  );
}
