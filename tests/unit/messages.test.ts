import {describe, expect, it} from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('UI messages', () => {
  it('have the same keys in Japanese and English', () => {
    expect(keys(en)).toEqual(keys(ja));
  });

  it.each([['ja', ja], ['en', en]] as const)('%s has no empty string and sorted keys', (_locale, messages) => {
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
