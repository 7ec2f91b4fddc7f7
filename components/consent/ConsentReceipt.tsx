import type {PreferencesStrings} from './strings';

/**
 * The visitor's own record: what the cookie says, a download of the receipts the server holds, and
 * deletion of both (after which the banner asks again). Rendered empty and hidden; the behaviour
 * module (ui.ts) fills in the fields from the cookie when there is a choice (data-receipt="…"), and
 * fetches the download with the browser's proof, from this site or from another HeyImg page alike.
 */
export function ConsentReceipt({strings}: {strings: PreferencesStrings}) {
  const field = (label: string, name: string, code = true) => (
    <div>
      <dt>{label}</dt>
      <dd>{code ? <code data-receipt={name} className={name === 'hash' ? 'consent-hash' : undefined} /> : null}</dd>
    </div>
  );
  return (
    <div data-module="consent-receipt">
      <section
        className="consent-receipt"
        aria-labelledby="consent-receipt-title"
        hidden
        data-choice={strings.receiptChoice}
        data-granted={strings.receiptGranted}
        data-denied={strings.receiptDenied}
        data-separator={strings.receiptChoiceSeparator}
        data-deleted={strings.receiptDeleted}
        data-delete-failed={strings.receiptDeleteFailed}
        data-delete-not-yours={strings.receiptDeleteNotYours}
        data-download-failed={strings.receiptDownloadFailed}
        data-not-yours={strings.receiptNotYours}
      >
        <h3 id="consent-receipt-title">{strings.receiptTitle}</h3>
        <dl>
          {field(strings.receiptConsentId, 'id')}
          <div>
            <dt>{strings.receiptRecordedAt}</dt>
            {/* A <time> only once there is a date in it (ui.ts): an empty one is not a date. */}
            <dd data-receipt="ts" />
          </div>
          <div>
            <dt>{strings.receiptPolicyVersion}</dt>
            <dd data-receipt="pv" />
          </div>
          {field(strings.receiptPolicySha256, 'hash')}
          {field(strings.receiptRegistry, 'rf')}
          <div>
            <dt>{strings.receiptChoices}</dt>
            <dd data-receipt="choices" />
          </div>
        </dl>
        <p className="consent-receipt-actions">
          <button type="button" className="consent-settings" data-consent-download="">
            {strings.receiptDownload}
          </button>
          <button type="button" className="consent-settings" data-consent-delete="">
            {strings.receiptDelete}
          </button>
        </p>
      </section>
      {/* Focused after a deletion, whose button may be gone: the reader goes on from the message. */}
      <p role="status" data-receipt="status" tabIndex={-1} />
    </div>
  );
}
