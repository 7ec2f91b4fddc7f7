import {PolicyError} from '../policy/diagnostics';
import {readRegistry, type CookieRegistry} from './registry';

/**
 * The real registry (content/registry.yaml): everything this site sets or stores in the browser, and
 * nothing it does not. An error in the file fails the build with its Japanese message, file and line.
 */
export const cookieRegistry: CookieRegistry = (() => {
  const {registry, diagnostics} = readRegistry();
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!registry || errors.length > 0) throw new PolicyError(errors);
  return registry;
})();
