import {storeHealth} from '@/lib/consent/store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/health: 200 when the consent store answers, 503 otherwise, with its state and the cause
 * of its last failure — for a load balancer and the operator. Pages are static and do not depend on it.
 */
export async function GET(): Promise<Response> {
  const health = await storeHealth();
  return Response.json(health, {status: health.state === 'ok' ? 200 : 503, headers: {'cache-control': 'no-store'}});
}
