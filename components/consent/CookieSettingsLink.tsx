'use client';

import {openPreferences} from '@/lib/consent/client';

/** The footer's 「Cookie 設定」: opens the preferences; without JavaScript it leads to the banner's form. */
export function CookieSettingsLink({label}: {label: string}) {
  return (
    <a
      href="#consent-banner"
      className="cookie-settings-link"
      onClick={(event) => {
        if (!document.documentElement.hasAttribute('data-js')) return;
        event.preventDefault();
        openPreferences();
      }}
    >
      {label}
    </a>
  );
}
