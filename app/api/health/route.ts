import {storeHealth} from '@/lib/consent/store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/health: 200 when the consent store is open and its last write and a read now succeeded;
 * 503 otherwise (opening, degraded, unavailable), with the cause as text and, for a store that
 * cannot open, when it is tried next — for a load balancer and the operator. Pages do not depend on it.
 */
export async function GET(): Promise<Response> {
  const health = await storeHealth();
  return Response.json(health, {status: health.state === 'ok' ? 200 : 503, headers: {'cache-control': 'no-store'}});
}
