import {diagnostic, type Diagnostic} from './diagnostics';
import type {PolicyDocument} from './types';

/**
 * What the Act on the Protection of Personal Information asks a business to publish or to put where
 * the person concerned can know it (公表等), as legal staff check it before publishing. The answer is deterministic: the Japanese
 * file's frontmatter maps each item to the anchor that covers it, or to `missing`; the checker warns,
 * in Japanese, for each item the text lacks or that is not assessed. Legal staff decide.
 */
export const PUBLICATION_ITEMS = {
  business: '事業者の氏名又は名称・住所・代表者の氏名（第32条第1項第1号）',
  purposes: '利用目的（第21条・第32条第1項第2号）',
  disclosureProcedure: '開示等の請求に応じる手続（第32条第1項第3号・第37条）',
  securityMeasures: '安全管理措置（第32条第1項第4号、施行令第10条第1号）',
  complaints: '苦情の申出先（第32条第1項第4号、施行令第10条第2号）',
  // Not a 公表 item: information given to the person when consent is asked, if data goes abroad.
  foreignTransfer:
    '外国にある第三者に提供する場合に本人に提供する情報：国名とその国の制度など（第28条第2項、該当する場合）',
} as const;

export type PublicationItem = keyof typeof PUBLICATION_ITEMS;

/** The items the text lacks (warnings), an anchor that does not exist (error), an item not assessed. */
export function checkPublication(doc: PolicyDocument): Diagnostic[] {
  const publishes = doc.frontmatter?.publishes;
  const at = {line: doc.fieldLines.publishes ?? 1, column: 1};
  if (!publishes) return [diagnostic(doc.file, at, 'publication-unassessed', {item: 'publishes'})];
  const anchors = new Set(doc.anchors.map((a) => a.id));
  return Object.entries(PUBLICATION_ITEMS).flatMap(([item, label]) => {
    const where = publishes[item as PublicationItem];
    if (where === undefined) return [diagnostic(doc.file, at, 'publication-unassessed', {item: label})];
    if (where === 'missing') return [diagnostic(doc.file, at, 'publication-missing', {item: label})];
    if (where === 'not-applicable') return [];
    if (!anchors.has(where)) return [diagnostic(doc.file, at, 'broken-anchor', {url: `#${where}`})];
    return [];
  });
}
