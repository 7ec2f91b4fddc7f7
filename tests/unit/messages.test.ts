import {describe, expect, it} from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import {cookieRegistry} from '@/lib/consent/site-registry';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('UI messages', () => {
  it('have the same keys in Japanese and English', () => {
    expect(keys(en)).toEqual(keys(ja));
  });

  it.each([
    ['ja', ja],
    ['en', en],
  ] as const)('%s has no empty string and sorted keys', (_locale, messages) => {
    for (const key of keys(messages)) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
      expect(value, key).toMatch(/\S/);
    }
    const sortedNamespaces = Object.keys(messages);
    expect(sortedNamespaces).toEqual([...sortedNamespaces].sort());
    for (const namespace of Object.values(messages)) {
      expect(Object.keys(namespace)).toEqual(Object.keys(namespace).sort());
    }
  });
});

describe('English UI wording', () => {
  // Full-width brackets belong to Japanese text; in English (a version page's title, say) they are a slip.
  it.each(keys(en))('%s has no full-width brackets', (key) => {
    const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);
    expect(String(value)).not.toMatch(/[（）「」]/);
  });
});

/** Every Japanese string a visitor reads outside the policy text: the messages and the registry. */
function japaneseStrings(): [string, string][] {
  const fromMessages = keys(ja).map(
    (key) =>
      [key, String(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], ja))] as [
        string,
        string,
      ],
  );
  const fromRegistry: [string, string][] = [];
  JSON.stringify(cookieRegistry, (key, value) => {
    if (key === 'ja' && typeof value === 'string') fromRegistry.push([`registry:${value.slice(0, 12)}`, value]);
    return value;
  });
  return [...fromMessages, ...fromRegistry];
}

describe('Japanese UI wording, as Japanese company sites write it', () => {
  it.each(japaneseStrings())('%s', (_key, value) => {
    expect(value).not.toMatch(/あなた/); // 「お客様」 or no pronoun
    expect(value).not.toMatch(/どうぞ/); // 「…から変更できます」
    expect(value).not.toMatch(/^設定$/); // 「Cookie 設定」, never a bare 「設定」
    expect(value).not.toMatch(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]:/u); // full-width 「：」 after Japanese text
  });
});
