import type {OptionalCategory} from '@/lib/consent/contract';
import {ConsentReceipt} from './ConsentReceipt';
import type {PreferencesStrings} from './strings';

export interface PreferencesCategory {
  id: 'necessary' | OptionalCategory;
  label: string;
  description: string;
  cookies: {name: string; purpose: string; detail: string}[];
}

/**
 * The preferences: a native modal <dialog>, opened by the consent island (showModal: focus moves
 * in, the page behind is inert, Esc closes it); the island keeps Tab inside it and returns focus to
 * what opened it. Giving and withdrawing take the same single click. The switches show the current
 * choice when it opens.
 */
export function PreferencesDialog({
  strings,
  categories,
}: {
  strings: PreferencesStrings;
  categories: PreferencesCategory[];
}) {
  return (
    <dialog
      className="consent-dialog"
      aria-labelledby="consent-dialog-title"
      aria-describedby="consent-dialog-description"
      data-module="consent-preferences"
    >
      <div className="consent-dialog-head">
        <h2 id="consent-dialog-title">{strings.title}</h2>
        <button type="button" className="consent-close" data-consent-close="">
          {strings.close}
        </button>
      </div>
      <div className="consent-dialog-body">
        <p id="consent-dialog-description">{strings.description}</p>
        {/* Shown by CSS when the browser sends Global Privacy Control ([data-gpc], set by the boot script). */}
        <p className="consent-gpc-note">{strings.gpcNote}</p>
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
                    defaultChecked={required}
                    disabled={required}
                    data-category={required ? undefined : category.id}
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
        <ConsentReceipt strings={strings} />
      </div>
      <div className="consent-dialog-actions">
        <button type="button" className="consent-choice" data-consent-save="none">
          {strings.declineAll}
        </button>
        <button type="button" className="consent-choice" data-consent-save="all">
          {strings.acceptAll}
        </button>
        <button type="button" className="consent-choice consent-save" data-consent-save="selected">
          {strings.save}
        </button>
      </div>
    </dialog>
  );
}
