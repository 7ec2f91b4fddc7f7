import {timingSafeEqual} from 'node:crypto';
import {NO_STORE} from '@/lib/consent/http';
import {storeHealth} from '@/lib/consent/store';

export const dynamic = 'force-dynamic';

/** Whether the request carries the operator's token (CONSENT_HEALTH_TOKEN), compared in constant time. */
function fromOperator(request: Request): boolean {
  const token = process.env.CONSENT_HEALTH_TOKEN;
  const given = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
  if (!token || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

/**
 * GET /api/health: 200 while receipts can be stored; 503 otherwise (opening, degraded, unavailable),
 * with a stable code, since when, and when a store that cannot open is tried next — for a load
 * balancer and a monitor. It answers from the state the store keeps (a heartbeat every few
 * seconds), so it costs the store nothing and never waits. The cause as text may name paths,
 * processes or hosts: only the operator gets it (Authorization: Bearer CONSENT_HEALTH_TOKEN); the
 * log always has it. Pages do not depend on any of this.
 */
export function GET(request: Request): Response {
  const {detail, ...health} = storeHealth();
  return Response.json(fromOperator(request) ? {...health, detail} : health, {
    status: health.state === 'ok' ? 200 : 503,
    headers: {'cache-control': NO_STORE},
  });
}
