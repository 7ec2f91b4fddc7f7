import type {IncomingMessage} from 'node:http';
import type {TLSSocket} from 'node:tls';

/**
 * Whether the browser reached the site over https, behind a TLS-terminating proxy or not: the one
 * reading of it for cookies' `Secure` and the pages' `upgrade-insecure-requests`. A proxy says so
 * in `X-Forwarded-Proto` (de facto; its first value is the client's hop, in any case) or in RFC
 * 7239's `Forwarded: proto=…`. Trusting either costs nothing: a client that lies only makes its own
 * cookies stricter.
 */
export function forwardedHttps(
  xForwardedProto: string | null | undefined,
  forwarded: string | null | undefined,
): boolean {
  const first = (value: string) => value.split(',')[0]!.trim().toLowerCase();
  if (xForwardedProto && first(xForwardedProto) === 'https') return true;
  if (!forwarded) return false;
  const proto = /(?:^|;)\s*proto\s*=\s*"?([a-z]+)"?\s*(?:;|$)/i.exec(forwarded.split(',')[0]!);
  return proto?.[1]?.toLowerCase() === 'https';
}

/** The same for a request of Node's server. */
export function requestIsHttps(request: IncomingMessage): boolean {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return (
    (request.socket as TLSSocket).encrypted === true || forwardedHttps(header('x-forwarded-proto'), header('forwarded'))
  );
}
