import {z} from 'zod';
import {CONSENT_CATEGORIES, CONSENT_CONTRACT, CONSENT_COOKIE} from './contract';
import {RECEIPT_QUEUE_KEY} from './receipts';

const localized = z.strictObject({ja: z.string().trim().min(1), en: z.string().trim().min(1)});

/**
 * What the Telecommunications Business Act's external-transmission rule (電気通信事業法 第27条の12,
 * 外部送信規律) asks a site to publish for anything that sends a visitor's data to someone else.
 */
const externalTransmissionSchema = z.strictObject({
  information: localized,
  recipient: z.strictObject({company: z.string().trim().min(1), service: z.string().trim().min(1)}),
  purpose: localized,
});

export const cookieDeclarationSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9_.*-]+$/, 'cookie names are tokens; * matches a suffix'),
    kind: z.enum(['cookie', 'localStorage', 'script', 'pixel']),
    category: z.enum(CONSENT_CATEGORIES),
    provider: z.string().trim().min(1),
    party: z.enum(['first', 'third']),
    purpose: localized,
    duration: localized,
    externalTransmission: externalTransmissionSchema.optional(),
  })
  .refine((c) => c.party === 'first' || c.externalTransmission, {
    message: 'a third-party technology must declare its external transmission (外部送信規律)',
    path: ['externalTransmission'],
  });

export const categoryDeclarationSchema = z.strictObject({
  id: z.enum(CONSENT_CATEGORIES),
  label: localized,
  description: localized,
});

export const registrySchema = z
  .strictObject({
    /** Whom the declarations speak for: this website, not 「本サービス」 (all of HeyImg's services). */
    scope: localized,
    categories: z.array(categoryDeclarationSchema),
    cookies: z.array(cookieDeclarationSchema),
  })
  .superRefine((registry, ctx) => {
    const ids = registry.categories.map((c) => c.id);
    for (const id of CONSENT_CATEGORIES) {
      if (ids.filter((x) => x === id).length !== 1)
        ctx.addIssue({code: 'custom', path: ['categories'], message: `category ${id} must be declared exactly once`});
    }
    const names = new Set<string>();
    for (const [i, cookie] of registry.cookies.entries()) {
      if (names.has(cookie.name))
        ctx.addIssue({code: 'custom', path: ['cookies', i, 'name'], message: `${cookie.name} is declared twice`});
      names.add(cookie.name);
    }
    if (!registry.cookies.some((c) => c.name === CONSENT_COOKIE && c.category === 'necessary')) {
      ctx.addIssue({
        code: 'custom',
        path: ['cookies'],
        message: `the consent cookie ${CONSENT_COOKIE} must be declared as necessary`,
      });
    }
  });

export type CookieRegistry = z.infer<typeof registrySchema>;
export type CookieDeclaration = z.infer<typeof cookieDeclarationSchema>;

/** The optional categories something is declared for: the only ones the banner may say the site uses. */
export function optionalCategoriesInUse(registry: CookieRegistry) {
  return registry.categories.filter(
    (category) => category.id !== 'necessary' && registry.cookies.some((cookie) => cookie.category === category.id),
  );
}

/** The real registry: everything this site sets or stores in the browser, and nothing it does not. */
export const cookieRegistry: CookieRegistry = registrySchema.parse({
  scope: {ja: 'このウェブサイト', en: 'this website'},
  categories: [
    {
      id: 'necessary',
      label: {ja: '必須', en: 'Strictly necessary'},
      description: {
        ja: 'サイトが動くために欠かせないものです。Cookie についての選択を記録する Cookie もここに含まれます。オフにはできません。',
        en: 'Needed for the site to work, including the Cookie that records your Cookie choice. They cannot be turned off.',
      },
    },
    {
      id: 'analytics',
      label: {ja: '分析', en: 'Analytics'},
      description: {
        ja: 'サイトの利用状況を把握し、改善するための技術の区分です。',
        en: 'Technologies for understanding how the site is used, so that it can be improved.',
      },
    },
    {
      id: 'advertising',
      label: {ja: '広告', en: 'Advertising'},
      description: {
        ja: '広告の表示や効果の測定のための技術の区分です。',
        en: 'Technologies for showing advertisements and measuring their effect.',
      },
    },
  ],
  cookies: [
    {
      name: CONSENT_COOKIE,
      kind: 'cookie',
      category: 'necessary',
      provider: 'HeyImg',
      party: 'first',
      purpose: {
        ja: 'Cookie の利用についての選択（同意・拒否・設定）と、その選択をしたときのポリシーの版を記録します。',
        en: 'Records your choice about Cookies (accept, decline or settings) and the policy version it was made under.',
      },
      duration: {ja: `${CONSENT_CONTRACT.maxAgeDays}日`, en: `${CONSENT_CONTRACT.maxAgeDays} days`},
    },
    {
      name: RECEIPT_QUEUE_KEY,
      kind: 'localStorage',
      category: 'necessary',
      provider: 'HeyImg',
      party: 'first',
      purpose: {
        ja: 'Cookie の選択の記録（同意 ID・日時・選択）を当社のサーバーに送れなかったときに、送り直すまで一時的に保存します。',
        en: 'Keeps the record of your choice (consent ID, time, choices) until it reaches our server, when it could not be sent at once.',
      },
      duration: {ja: '送信が完了するまで', en: 'Until it has been sent'},
    },
  ],
});
