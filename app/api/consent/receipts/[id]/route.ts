import {assertSameOrigin, handleErrors, jsonResponse, methodNotAllowed} from '@/lib/consent/http';
import {deleteReceipts, parseConsentId, receiptsOf} from '@/lib/consent/service';

export const dynamic = 'force-dynamic';

type Context = {params: Promise<{id: string}>};

/** GET: the visitor's receipts as a JSON download. The random 128-bit id is the only key. */
export const GET = handleErrors(async (_request: Request, context: Context) => {
  const download = await receiptsOf(parseConsentId((await context.params).id));
  return jsonResponse(download, 200, {
    'content-disposition': `attachment; filename="heyimg-consent-${download.consentId}.json"`,
  });
});

/** DELETE: removes the visitor's receipts and clears the cookie, so the banner asks again. */
export const DELETE = handleErrors(async (request: Request, context: Context) => {
  assertSameOrigin(request);
  const result = await deleteReceipts(request, parseConsentId((await context.params).id));
  return jsonResponse(result.body, 200, {'set-cookie': result.setCookie});
});

export const POST = methodNotAllowed(['GET', 'DELETE']);
export const PUT = POST;
export const PATCH = POST;
