// Stands in for components/consent/Consent in the bench's build without the consent component.
export function Consent(props: {locale: string}) {
  void props;
  return null;
}
