/**
 * The footer's 「Cookie 設定」: with JavaScript the consent island opens the preferences
 * (data-consent-open); without it, it leads to the banner's form.
 */
export function CookieSettingsLink({label}: {label: string}) {
  return (
    <a href="#consent-banner" className="cookie-settings-link" data-consent-open="">
      {label}
    </a>
  );
}
