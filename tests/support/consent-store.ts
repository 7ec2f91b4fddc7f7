import type {NewReceipt} from '@/lib/consent/store/types';

/** The consent stores' tests: receipts numbered n. */
export const id = (n: number) => n.toString(16).padStart(32, '0');

export const receipt = (n: number, overrides: Partial<NewReceipt> = {}): NewReceipt => ({
  consentId: id(n % 1000),
  recordedAt: new Date(Date.UTC(2026, 10, 1) + n * 1000),
  policyVersion: '1.0.0',
  choices: {analytics: n % 2 === 0, advertising: false},
  method: 'banner',
  locale: 'ja',
  policySha256: 'a'.repeat(64),
  registryFingerprint: '0123456789abcdef',
  origin: 'https://heyimg.net',
  ...overrides,
});
