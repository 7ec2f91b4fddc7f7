import {cookieRegistry, registrySchema} from '@/lib/consent/registry';

/** The real registry plus one third-party analytics tag, for the end-to-end tests only. */
export const fixtureRegistry = registrySchema.parse({
  ...cookieRegistry,
  cookies: [
    ...cookieRegistry.cookies,
    {
      name: 'fixture_analytics',
      kind: 'cookie',
      category: 'analytics',
      provider: 'Example Analytics Inc.',
      party: 'third',
      purpose: {ja: 'テスト用の分析', en: 'Test analytics'},
      duration: {ja: '1日', en: '1 day'},
      externalTransmission: {
        information: {ja: '閲覧したページの URL', en: 'URLs of pages viewed'},
        recipient: {company: 'Example Analytics Inc.', service: 'Example Analytics'},
        purpose: {ja: '利用状況の分析', en: 'Usage analysis'},
      },
    },
  ],
});
