import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {z} from 'zod';
import {diagnostic, type Diagnostic} from '../policy/diagnostics';
import {checkYaml} from '../yaml-check';
import {CONSENT_CATEGORIES, CONSENT_CONTRACT, CONSENT_COOKIE, type OptionalCategory} from './contract';
import {RECEIPT_QUEUE_KEY} from './receipts';

/** Field names as legal staff read them in the messages (the YAML keys are English). */
const LABELS: Record<string, string> = {
  scope: 'scope（対象のサイト）',
  sites: 'sites（使用するサイト）',
  categories: 'categories（区分）',
  cookies: 'cookies（技術の一覧）',
  id: 'id（区分の記号）',
  label: 'label（区分の名前）',
  description: 'description（区分の説明）',
  name: 'name（Cookie などの名前）',
  kind: 'kind（種類: cookie・localStorage・script・pixel）',
  category: 'category（区分: necessary・analytics・advertising）',
  provider: 'provider（提供者）',
  party: 'party（first: 自社 / third: 第三者）',
  purpose: 'purpose（目的）',
  duration: 'duration（保存期間）',
  externalTransmission: 'externalTransmission（外部送信の公表事項）',
  recipients: 'recipients（送信先の一覧）',
  company: 'company（送信先の事業者名）',
  service: 'service（送信先のサービス名）',
  information: 'information（送信される情報）',
  recipientPurpose: 'recipientPurpose（送信先での利用目的）',
  privacyPolicy: 'privacyPolicy（送信先のプライバシーポリシーの URL）',
  optOut: 'optOut（オプトアウトの URL）',
  src: 'src（タグの読み込み元の URL）',
  ja: 'ja（日本語）',
  en: 'en（英語）',
};

const labelOf = (path: PropertyKey[]) =>
  path
    .filter((p): p is string => typeof p === 'string')
    .map((p) => LABELS[p] ?? p)
    .join(' の ');

/** Japanese messages for every schema problem: what is missing or wrong, and where. */
const japanese = (issue: z.core.$ZodRawIssue) =>
  issue.input === undefined
    ? `登録簿の「${labelOf(issue.path ?? [])}」がありません。追加してください。`
    : issue.code === 'unrecognized_keys'
      ? `登録簿に使えない項目があります: ${(issue as {keys: string[]}).keys.join(', ')}。綴りを確認してください。`
      : `登録簿の「${labelOf(issue.path ?? [])}」の形が正しくありません。`;

const text = z.string().trim().min(1);
const localized = z.strictObject({ja: text, en: text});
const httpsUrl = z.url({protocol: /^https$/});

/**
 * What the external-transmission rule (電気通信事業法 第27条の12, 外部送信規律 — whether it applies is
 * legal staff's question, docs/legal-review.md) asks a site to publish for anything that sends a
 * visitor's data to someone else, recipient by recipient: who receives it, the information sent, the
 * site's purpose and the recipient's, the recipient's privacy policy, and how to opt out (the site's
 * Cookie settings for a consent category, or the recipient's opt-out page). One tag may send to
 * several recipients.
 */
const recipientSchema = z.strictObject({
  company: text,
  service: text,
  information: localized,
  recipientPurpose: localized,
  privacyPolicy: httpsUrl,
  optOut: httpsUrl.optional(),
});

const externalTransmissionSchema = z.strictObject({
  purpose: localized,
  recipients: z.array(recipientSchema).min(1),
});

/** A HeyImg site the declarations speak for: a technology names the sites it is used on. */
const siteSchema = z.strictObject({id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), label: localized});

export const cookieDeclarationSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9_.*-]+$/),
    /** The ids of the sites (registry `sites`) that set or load it. */
    sites: z.array(z.string()).min(1),
    kind: z.enum(['cookie', 'localStorage', 'script', 'pixel']),
    category: z.enum(CONSENT_CATEGORIES),
    provider: text,
    party: z.enum(['first', 'third']),
    purpose: localized,
    duration: localized,
    externalTransmission: externalTransmissionSchema.optional(),
    /** Where a tag is loaded from (https, or a path of this site); an inline tag has none. */
    src: z
      .string()
      .regex(/^(https:\/\/|\/(?!\/))\S*$/)
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.src && c.kind !== 'script' && c.kind !== 'pixel') {
      ctx.addIssue({
        code: 'custom',
        path: ['src'],
        message: `「${c.name}」は ${c.kind} です。src（読み込み元）はタグ（script・pixel）にだけ書けます。`,
      });
    }
    // A tag or pixel exists to send something somewhere, whoever provides it: it is disclosed too.
    if ((c.party === 'third' || c.kind === 'script' || c.kind === 'pixel') && !c.externalTransmission) {
      const what = c.party === 'third' ? '第三者の技術' : 'タグ（script・pixel）';
      ctx.addIssue({
        code: 'custom',
        path: ['externalTransmission'],
        message: `${what}「${c.name}」に外部送信の公表事項（externalTransmission: 当社の利用目的と、送信先ごとの事業者名・サービス名・送信される情報・送信先での利用目的・プライバシーポリシー）がありません。`,
      });
    }
    c.externalTransmission?.recipients.forEach((recipient, i) => {
      if (c.category === 'necessary' && !recipient.optOut) {
        ctx.addIssue({
          code: 'custom',
          path: ['externalTransmission', 'recipients', i, 'optOut'],
          message: `「${c.name}」は必須の区分で Cookie 設定からは止められないため、送信先「${recipient.company}」のオプトアウトの URL（optOut）を書いてください。`,
        });
      }
    });
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
    /**
     * The HeyImg sites the declarations cover, each technology naming where it is used. Which sites
     * belong here is legal staff's decision (docs/legal-review.md), not the embed's reach.
     */
    sites: z.array(siteSchema).min(1),
    categories: z.array(categoryDeclarationSchema),
    cookies: z.array(cookieDeclarationSchema),
  })
  .superRefine((registry, ctx) => {
    const ids = registry.categories.map((c) => c.id);
    for (const id of CONSENT_CATEGORIES) {
      if (ids.filter((x) => x === id).length !== 1)
        ctx.addIssue({code: 'custom', path: ['categories'], message: `区分 ${id} を 1 回だけ書いてください。`});
    }
    const siteIds = registry.sites.map((site) => site.id);
    if (new Set(siteIds).size !== siteIds.length)
      ctx.addIssue({code: 'custom', path: ['sites'], message: 'sites に同じ id が 2 回書かれています。'});
    const names = new Set<string>();
    for (const [i, cookie] of registry.cookies.entries()) {
      for (const site of cookie.sites)
        if (!siteIds.includes(site))
          ctx.addIssue({
            code: 'custom',
            path: ['cookies', i, 'sites'],
            message: `「${cookie.name}」の sites にある「${site}」は、sites（使用するサイト）の一覧にありません。`,
          });
      if (names.has(cookie.name))
        ctx.addIssue({
          code: 'custom',
          path: ['cookies', i, 'name'],
          message: `「${cookie.name}」が 2 回書かれています。`,
        });
      names.add(cookie.name);
    }
    const consent = registry.cookies.find((c) => c.name === CONSENT_COOKIE);
    if (consent?.category !== 'necessary' || !consent.duration.en.startsWith(`${CONSENT_CONTRACT.maxAgeDays} `)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cookies'],
        message: `同意を記録する Cookie「${CONSENT_COOKIE}」を、必須の区分、保存期間 ${CONSENT_CONTRACT.maxAgeDays}日として書いてください。`,
      });
    }
    if (!registry.cookies.some((c) => c.name === RECEIPT_QUEUE_KEY && c.kind === 'localStorage')) {
      ctx.addIssue({
        code: 'custom',
        path: ['cookies'],
        message: `「${RECEIPT_QUEUE_KEY}」（localStorage）を書いてください。`,
      });
    }
  });

export type CookieRegistry = z.infer<typeof registrySchema>;
export type CookieDeclaration = z.infer<typeof cookieDeclarationSchema>;

/**
 * 64 bits of a SHA-256 over everything a choice is about: the categories and every declared
 * technology whole — what it is, who provides it, why, for how long, and for anything sent elsewhere
 * each recipient, what it receives and why — in both languages (a visitor consents to the text they
 * read). Any change asks every visitor again, by itself (the consent record carries the fingerprint
 * it was given under). Wording of the categories' labels is presentation, not the subject.
 */
export function registryFingerprint(registry: CookieRegistry): string {
  const subject = {categories: registry.categories.map((c) => c.id), technologies: registry.cookies};
  return createHash('sha256').update(JSON.stringify(subject)).digest('hex').slice(0, 16);
}

/**
 * The declaration a gated tag is loaded under: the only way the site's code embeds a tag
 * (components/consent/GatedScript.tsx), so its category — what the Cookie settings turn off, as the
 * 外部送信 page promises — and its source always come from the registry. Fails the build otherwise.
 */
export function declaredTag(registry: CookieRegistry, name: string): CookieDeclaration & {category: OptionalCategory} {
  const entry = registry.cookies.find((c) => c.name === name);
  if (!entry)
    throw new Error(`GatedScript: 「${name}」は登録簿（content/registry.yaml）にありません。先に登録してください。`);
  if (entry.kind !== 'script' && entry.kind !== 'pixel')
    throw new Error(`GatedScript: 「${name}」は ${entry.kind} です。タグ（script・pixel）として登録してください。`);
  if (entry.category === 'necessary')
    throw new Error(`GatedScript: 「${name}」は必須の区分です。同意で止められるのは分析・広告の区分のタグだけです。`);
  return entry as CookieDeclaration & {category: OptionalCategory};
}

/** The labels of the sites a technology is used on, in one language, as the registry orders its sites. */
export function sitesOf(registry: CookieRegistry, technology: CookieDeclaration, locale: 'ja' | 'en'): string[] {
  return registry.sites.filter((site) => technology.sites.includes(site.id)).map((site) => site.label[locale]);
}

/** The optional categories something is declared for: the only ones the banner may say the site uses. */
export function optionalCategoriesInUse(registry: CookieRegistry) {
  return registry.categories.filter(
    (category) => category.id !== 'necessary' && registry.cookies.some((cookie) => cookie.category === category.id),
  );
}

export const REGISTRY_FILE = path.join(process.cwd(), 'content', 'registry.yaml');

/** Words the regulator's guidance asks to avoid in what is sent and why: be specific. */
const VAGUE = ['等', 'その他', 'など'];

/**
 * Reads and checks the registry legal staff edit (content/registry.yaml): every problem as a
 * diagnostic with the file and line, like the policy's; vague wording in what is sent to a third
 * party, and why, as warnings. `npm run policy:check` and the build both call this.
 */
export function readRegistry(file: string = REGISTRY_FILE): {
  registry: CookieRegistry | null;
  diagnostics: Diagnostic[];
} {
  const shown = path.relative(process.cwd(), file) || file;
  const checked = checkYaml(readFileSync(file, 'utf8'), registrySchema, {error: japanese});
  if ('yamlError' in checked) {
    return {
      registry: null,
      diagnostics: [diagnostic(shown, checked.yamlError.at, 'registry-yaml', {reason: checked.yamlError.reason})],
    };
  }
  if ('issues' in checked) {
    return {
      registry: null,
      diagnostics: checked.issues.map(({at, path: field, issue}) =>
        diagnostic(shown, at, 'registry-field', {field, reason: issue.message}),
      ),
    };
  }
  const diagnostics: Diagnostic[] = [];
  checked.data.cookies.forEach((cookie, i) => {
    const transmission = cookie.externalTransmission;
    if (!transmission) return;
    const vague = (text: string, field: string, at: (string | number)[]) => {
      const word = VAGUE.find((w) => text.includes(w));
      if (word) diagnostics.push(diagnostic(shown, checked.lineOf(at), 'registry-vague', {field, word}));
    };
    const base = ['cookies', i, 'externalTransmission'];
    vague(transmission.purpose.ja, `${cookie.name} の ${LABELS.purpose}`, [...base, 'purpose', 'ja']);
    transmission.recipients.forEach((recipient, r) => {
      for (const field of ['information', 'recipientPurpose'] as const) {
        const label = `${cookie.name}（${recipient.company}）の ${LABELS[field]}`;
        vague(recipient[field].ja, label, [...base, 'recipients', r, field, 'ja']);
      }
    });
  });
  return {registry: checked.data, diagnostics};
}
