import {registrySchema} from '@/lib/consent/registry';
import {cookieRegistry} from '@/lib/consent/site-registry';

/**
 * The real registry plus a third-party analytics tag (its script and its cookie) and an inline
 * advertising tag, for the end-to-end tests only.
 */
export const fixtureRegistry = registrySchema.parse({
  ...cookieRegistry,
  cookies: [
    ...cookieRegistry.cookies,
    {
      name: 'fixture_analytics',
      sites: ['privacy-site'],
      kind: 'cookie',
      category: 'analytics',
      provider: 'Example Analytics Inc.',
      party: 'third',
      purpose: {ja: 'テスト用の分析', en: 'Test analytics'},
      duration: {ja: '1日', en: '1 day'},
      externalTransmission: {
        purpose: {
          ja: 'ページごとの閲覧数を集計してウェブサイトを改善するため',
          en: 'To count views per page and improve the website',
        },
        recipients: [
          {
            company: 'Example Analytics Inc.',
            service: 'Example Analytics',
            information: {
              ja: '閲覧したページの URL、閲覧日時、ブラウザの種類、Cookie に保存した識別子',
              en: 'URLs of pages viewed, the time of viewing, the browser type and the identifier stored in the Cookie',
            },
            recipientPurpose: {
              ja: '当社への集計結果の提供と、分析サービスの提供・改善のため',
              en: 'To provide us with the counts, and to provide and improve its analytics service',
            },
            privacyPolicy: 'https://analytics.example/privacy',
            optOut: 'https://analytics.example/opt-out',
          },
        ],
      },
    },
    {
      name: 'fixture_analytics_tag',
      sites: ['privacy-site'],
      kind: 'script',
      category: 'analytics',
      provider: 'Example Analytics Inc.',
      party: 'third',
      src: '/e2e-fixtures/analytics.js',
      purpose: {ja: 'テスト用の分析タグ', en: 'Test analytics tag'},
      duration: {ja: '保存しません（読み込むスクリプト）', en: 'Not stored (a script that is loaded)'},
      externalTransmission: {
        purpose: {ja: 'ページごとの閲覧数を集計するため', en: 'To count views per page'},
        recipients: [
          {
            company: 'Example Analytics Inc.',
            service: 'Example Analytics',
            information: {ja: '閲覧したページの URL', en: 'URLs of pages viewed'},
            recipientPurpose: {ja: '分析サービスの提供', en: 'Providing the analytics service'},
            privacyPolicy: 'https://analytics.example/privacy',
          },
        ],
      },
    },
    {
      name: 'fixture_ads_tag',
      sites: ['privacy-site'],
      kind: 'script',
      category: 'advertising',
      provider: 'HeyImg',
      party: 'first',
      purpose: {ja: 'テスト用の広告タグ', en: 'Test advertising tag'},
      duration: {ja: '保存しません（ページ内のスクリプト）', en: 'Not stored (a script in the page)'},
      externalTransmission: {
        purpose: {ja: '広告の効果を測定するため', en: 'To measure the effect of advertisements'},
        recipients: [
          {
            company: 'Example Ads Inc.',
            service: 'Example Ads',
            information: {ja: '閲覧したページの URL', en: 'URLs of pages viewed'},
            recipientPurpose: {ja: '広告配信サービスの提供', en: 'Providing the advertising service'},
            privacyPolicy: 'https://ads.example/privacy',
          },
        ],
      },
    },
  ],
});
