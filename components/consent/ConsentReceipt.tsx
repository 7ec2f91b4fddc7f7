'use client';

import {useState} from 'react';
import type {OptionalCategory} from '@/lib/consent/contract';
import {forgetConsent} from '@/lib/consent/client';
import type {PreferencesStrings} from './strings';
import {useConsent} from './useConsent';

/**
 * The visitor's own record: what the cookie says, a download of the receipts the server holds,
 * and deletion of both (after which the banner asks again).
 */
export function ConsentReceipt({
  strings,
  categories,
  textHashes,
}: {
  strings: PreferencesStrings;
  categories: {id: string; label: string}[];
  /** The SHA-256 of each published version's text, per language: what the record's version names. */
  textHashes: Record<string, Record<string, string>>;
}) {
  const {record} = useConsent();
  const [message, setMessage] = useState('');
  if (!record) return message ? <p role="status">{message}</p> : null;
  const optional = categories.filter((c): c is {id: OptionalCategory; label: string} => c.id !== 'necessary');

  const remove = async () => {
    const response = await fetch(`/api/consent/receipts/${record.id}`, {method: 'DELETE'}).catch(() => null);
    if (!response?.ok) {
      setMessage(strings.receiptDeleteFailed);
      return;
    }
    forgetConsent();
    setMessage(strings.receiptDeleted);
  };

  return (
    <section className="consent-receipt" aria-labelledby="consent-receipt-title">
      <h3 id="consent-receipt-title">{strings.receiptTitle}</h3>
      <dl>
        <div>
          <dt>{strings.receiptConsentId}</dt>
          <dd>
            <code>{record.id}</code>
          </dd>
        </div>
        <div>
          <dt>{strings.receiptRecordedAt}</dt>
          <dd>
            <time dateTime={new Date(record.ts).toISOString()}>
              {new Date(record.ts).toLocaleString(document.documentElement.lang, {
                dateStyle: 'long',
                timeStyle: 'medium',
              })}
            </time>
          </dd>
        </div>
        <div>
          <dt>{strings.receiptPolicyVersion}</dt>
          <dd>{record.pv}</dd>
        </div>
        <div>
          <dt>{strings.receiptPolicySha256}</dt>
          <dd>
            <code className="consent-hash">{textHashes[record.pv]?.[record.l] ?? '—'}</code>
          </dd>
        </div>
        <div>
          <dt>{strings.receiptRegistry}</dt>
          <dd>
            <code>{record.rf}</code>
          </dd>
        </div>
        <div>
          <dt>{strings.receiptChoices}</dt>
          <dd>
            {optional
              .map((c) =>
                strings.receiptChoice
                  .replace('{category}', c.label)
                  .replace('{answer}', record.c[c.id] ? strings.receiptGranted : strings.receiptDenied),
              )
              .join(' / ')}
          </dd>
        </div>
      </dl>
      <p className="consent-receipt-actions">
        <a href={`/api/consent/receipts/${record.id}`} download={`heyimg-consent-${record.id}.json`}>
          {strings.receiptDownload}
        </a>
        <button type="button" className="consent-settings" onClick={remove}>
          {strings.receiptDelete}
        </button>
      </p>
      <p role="status">{message}</p>
    </section>
  );
}
