'use client';

import {useEffect, useRef, useState} from 'react';
import {useFocusTrap} from '@/components/hooks/useFocusTrap';
import type {OptionalCategory} from '@/lib/consent/contract';
import {closePreferences, getConsent, saveConsent} from '@/lib/consent/client';
import {ConsentReceipt} from './ConsentReceipt';
import type {PreferencesStrings} from './strings';
import {usePreferencesOpen} from './useConsent';
import {ALL_DENIED, ALL_GRANTED, type ConsentChoices} from '@/lib/consent/record';

export interface PreferencesCategory {
  id: 'necessary' | OptionalCategory;
  label: string;
  description: string;
  cookies: {name: string; purpose: string; detail: string}[];
}

/**
 * The preferences: a real modal <dialog>, open while the store says so. Focus moves in and is kept
 * inside, Esc closes it, and focus returns to what opened it. Giving and withdrawing take the same
 * single click.
 */
export function PreferencesDialog({
  strings,
  categories,
  textHashes,
}: {
  strings: PreferencesStrings;
  categories: PreferencesCategory[];
  textHashes: Record<string, Record<string, string>>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = usePreferencesOpen();
  const [choices, setChoices] = useState<ConsentChoices>(ALL_DENIED);
  const trapFocus = useFocusTrap(dialog);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setChoices(getConsent()?.c ?? ALL_DENIED);
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const onClose = () => {
    closePreferences();
    const target = opener.current;
    // The opener may be a banner button that the choice just hid; fall back to the page.
    if (target && target.isConnected && target.offsetParent !== null) target.focus();
    else document.getElementById('main')?.focus({preventScroll: true});
  };

  const save = (next: ConsentChoices) => {
    saveConsent(next, 'preferences');
    closePreferences();
  };

  return (
    <dialog
      ref={dialog}
      className="consent-dialog"
      aria-labelledby="consent-dialog-title"
      aria-describedby="consent-dialog-description"
      onClose={onClose}
      onKeyDown={trapFocus}
    >
      <div className="consent-dialog-head">
        <h2 id="consent-dialog-title">{strings.title}</h2>
        <button type="button" className="consent-close" onClick={closePreferences}>
          {strings.close}
        </button>
      </div>
      <div className="consent-dialog-body">
        <p id="consent-dialog-description">{strings.description}</p>
        <ul className="consent-categories">
          {categories.map((category) => {
            const inputId = `consent-category-${category.id}`;
            const required = category.id === 'necessary';
            return (
              <li key={category.id} className="consent-category">
                <div className="consent-category-head">
                  <label htmlFor={inputId}>{category.label}</label>
                  {required ? <span className="consent-always-on">{strings.alwaysOn}</span> : null}
                  <input
                    id={inputId}
                    type="checkbox"
                    role="switch"
                    aria-describedby={`${inputId}-description`}
                    checked={required || choices[category.id as OptionalCategory]}
                    disabled={required}
                    onChange={(event) => setChoices({...choices, [category.id]: event.target.checked})}
                  />
                </div>
                <p id={`${inputId}-description`}>{category.description}</p>
                <p className="consent-cookies-label">{strings.cookiesUsed}</p>
                {category.cookies.length === 0 ? (
                  <p className="consent-no-cookies">{strings.noCookies}</p>
                ) : (
                  <ul className="consent-cookies">
                    {category.cookies.map((cookie) => (
                      <li key={cookie.name}>
                        <code>{cookie.name}</code> — {cookie.purpose}
                        <br />
                        <span className="consent-cookie-meta">{cookie.detail}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
        <ConsentReceipt strings={strings} categories={categories} textHashes={textHashes} />
      </div>
      <div className="consent-dialog-actions">
        <button type="button" className="consent-choice" onClick={() => save(ALL_DENIED)}>
          {strings.declineAll}
        </button>
        <button type="button" className="consent-choice" onClick={() => save(ALL_GRANTED)}>
          {strings.acceptAll}
        </button>
        <button type="button" className="consent-choice consent-save" onClick={() => save(choices)}>
          {strings.save}
        </button>
      </div>
    </dialog>
  );
}
