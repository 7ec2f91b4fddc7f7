import {assertAllowedOrigin, handleErrors, jsonResponse, preflight} from '@/lib/consent/http';
import {deleteReceipts, parseConsentId, receiptsOf} from '@/lib/consent/service';

export const dynamic = 'force-dynamic';

type Context = {params: Promise<{id: string}>};

/**
 * GET: the visitor's receipts as a JSON download — only for the browser holding the id's proof
 * (an HttpOnly cookie the browser sends by itself); the id alone is answered 403.
 */
export const GET = handleErrors(async (request: Request, context: Context) => {
  assertAllowedOrigin(request);
  const download = await receiptsOf(request, parseConsentId((await context.params).id));
  return jsonResponse(download, 200, {
    'content-disposition': `attachment; filename="heyimg-consent-${download.consentId}.json"`,
  });
});

/** DELETE: removes the visitor's receipts and clears the cookies, so the banner asks again. */
export const DELETE = handleErrors(async (request: Request, context: Context) => {
  assertAllowedOrigin(request);
  const result = await deleteReceipts(request, parseConsentId((await context.params).id));
  return jsonResponse(result.body, 200, {}, result.setCookies);
});

export const OPTIONS = (request: Request) => preflight(request);
