import {declaredTag, type CookieRegistry} from '@/lib/consent/registry';

/**
 * A tag the registry declares, not even requested until its category is granted: an inert
 * <script type="text/plain" data-category>, which the consent island turns into a real script on
 * consent (vanilla-cookieconsent's shape). Its category and source come from its registry entry, by
 * name, so what the 外部送信 page promises (「…をオフにすると、送信されません」) holds by
 * construction; an undeclared tag fails the build. An inline tag is allowed by the CSP hash of its
 * text. Withdrawing cannot unload a script that already ran; the withdrawal deletes its declared
 * cookies, and the script's own code should listen for `heyimg:consentchange`.
 */
export function GatedScript({registry, name, children}: {registry: CookieRegistry; name: string; children?: string}) {
  const tag = declaredTag(registry, name);
  if (children) {
    return (
      <script
        type="text/plain"
        data-category={tag.category}
        data-tag={name}
        dangerouslySetInnerHTML={{__html: children}}
      />
    );
  }
  if (!tag.src)
    throw new Error(`GatedScript: 「${name}」に src（読み込み元）がありません。登録簿に書くか、本文を渡してください。`);
  // async once activated, like any script inserted after the page loaded.
  return <script type="text/plain" data-category={tag.category} data-tag={name} src={tag.src} async />;
}
