import type {OptionalCategory} from '@/lib/consent/contract';

/**
 * A third-party tag that is not even requested until its category is granted: an inert
 * <script type="text/plain" data-category>, which the consent island turns into a real script on
 * consent (vanilla-cookieconsent's shape). An inline tag is allowed by the CSP hash of its text.
 * Withdrawing cannot unload a script that already ran; the withdrawal deletes its declared cookies,
 * and the script's own code should listen for `heyimg:consentchange`.
 */
export function GatedScript({category, src, children}: {category: OptionalCategory; src?: string; children?: string}) {
  return children ? (
    <script type="text/plain" data-category={category} dangerouslySetInnerHTML={{__html: children}} />
  ) : (
    // async once activated, like any script inserted after the page loaded.
    <script type="text/plain" data-category={category} src={src} async />
  );
}
