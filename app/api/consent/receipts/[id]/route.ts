import {
  assertSameOrigin,
  consentCookieHeader,
  errorResponse,
  HttpError,
  isSecure,
  jsonResponse,
  methodNotAllowed,
} from '@/lib/consent/request';
import {consentIdSchema} from '@/lib/consent/schema';
import {getConsentStore, type Receipt} from '@/lib/consent/store';

export const dynamic = 'force-dynamic';

type Context = {params: Promise<{id: string}>};

async function consentIdOf(context: Context): Promise<string> {
  const parsed = consentIdSchema.safeParse((await context.params).id);
  if (!parsed.success)
    throw new HttpError(
      400,
      '同意 ID の形が正しくありません（32 桁の英数字）。',
      'A consent id is 32 lowercase hex digits.',
    );
  return parsed.data;
}

async function withStore<T>(work: (store: Awaited<ReturnType<typeof getConsentStore>>) => Promise<T>): Promise<T> {
  try {
    return await work(await getConsentStore());
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(
      503,
      '同意の記録を今は読み出せません。しばらくしてからもう一度お試しください。',
      'The consent log is unavailable; try again later.',
    );
  }
}

const publicReceipt = (r: Receipt) => ({
  consentId: r.consentId,
  recordedAt: r.recordedAt.toISOString(),
  receivedAt: r.receivedAt.toISOString(),
  policyVersion: r.policyVersion,
  choices: r.choices,
  method: r.method,
  locale: r.locale,
});

/** GET: the visitor's receipts as a JSON download. The random 128-bit id is the only key. */
export async function GET(_request: Request, context: Context): Promise<Response> {
  try {
    const id = await consentIdOf(context);
    const receipts = await withStore((store) => store.list(id));
    if (receipts.length === 0)
      throw new HttpError(404, 'この同意 ID の記録はありません。', 'No receipts for this consent id.');
    return jsonResponse({consentId: id, receipts: receipts.map(publicReceipt)}, 200, {
      'content-disposition': `attachment; filename="heyimg-consent-${id}.json"`,
    });
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
}

/** DELETE: removes the visitor's receipts and clears the cookie, so the banner asks again. */
export async function DELETE(request: Request, context: Context): Promise<Response> {
  try {
    assertSameOrigin(request.headers);
    const id = await consentIdOf(context);
    const deleted = await withStore((store) => store.deleteConsent(id));
    return jsonResponse({consentId: id, deleted}, 200, {'set-cookie': consentCookieHeader('', isSecure(request), 0)});
  } catch (error) {
    if (error instanceof HttpError) return errorResponse(error);
    throw error;
  }
}

export const POST = methodNotAllowed(['GET', 'DELETE']);
export const PUT = POST;
export const PATCH = POST;
