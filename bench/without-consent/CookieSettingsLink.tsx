// Stands in for components/consent/CookieSettingsLink in the bench's build without consent.
export function CookieSettingsLink(props: {label: string}) {
  void props;
  return null;
}
