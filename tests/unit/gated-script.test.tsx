import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {GatedScript} from '@/components/consent/GatedScript';
import {fixtureRegistry} from '@/components/e2e-fixtures/registry';
import {readRegistry} from '@/lib/consent/registry';

/**
 * The site embeds a tag only through its registry entry: what the 外部送信 page promises (turning
 * the category off stops it) holds because the category and the source come from the registry.
 */
describe('a gated tag is tied to its registry entry', () => {
  it('takes its category and source from the registry, inert until consent', () => {
    const html = renderToStaticMarkup(<GatedScript registry={fixtureRegistry} name="fixture_analytics_tag" />);
    expect(html).toBe(
      '<script type="text/plain" data-category="analytics" data-tag="fixture_analytics_tag" src="/e2e-fixtures/analytics.js" async=""></script>',
    );
  });

  it('gates an inline tag by its declared category', () => {
    const html = renderToStaticMarkup(
      <GatedScript registry={fixtureRegistry} name="fixture_ads_tag">
        {'window.ads = true;'}
      </GatedScript>,
    );
    expect(html).toBe(
      '<script type="text/plain" data-category="advertising" data-tag="fixture_ads_tag">window.ads = true;</script>',
    );
  });

  it.each([
    ['an undeclared tag', 'unknown_tag', /登録簿（content\/registry\.yaml）にありません/],
    ['a cookie declared as if it were a tag', 'fixture_analytics', /タグ（script・pixel）として登録してください/],
  ])('fails the build for %s', (_what, name, message) => {
    expect(() => renderToStaticMarkup(<GatedScript registry={fixtureRegistry} name={name} />)).toThrow(message);
  });

  it('fails the build for a necessary tag, which consent cannot stop', () => {
    const tag = fixtureRegistry.cookies.find((c) => c.name === 'fixture_ads_tag')!;
    const registry = {...fixtureRegistry, cookies: [{...tag, category: 'necessary' as const}]};
    expect(() => renderToStaticMarkup(<GatedScript registry={registry} name="fixture_ads_tag" />)).toThrow(
      /必須の区分です/,
    );
  });

  it('refuses a source on anything but a tag, in Japanese, at its line', () => {
    const {diagnostics} = readRegistry('tests/fixtures/registry/src-on-cookie.yaml');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['registry-field', 46]]);
    expect(diagnostics[0]!.ja).toMatch(/src（読み込み元）はタグ（script・pixel）にだけ書けます/);
  });
});
