import type {CookieRegistry} from '@/lib/consent/registry';
import {JsonScript} from './json-script';

/**
 * What withdrawing a category must delete: every cookie and storage key a registry declares. The
 * layout declares the site's registry; a page that embeds technologies of its own declares those.
 */
export function DeclaredTechnologies({registry}: {registry: CookieRegistry}) {
  return (
    <JsonScript
      data-consent-declared=""
      value={registry.cookies.map(({name, kind, category}) => ({name, kind, category}))}
    />
  );
}
