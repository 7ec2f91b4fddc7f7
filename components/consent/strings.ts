import type messages from '@/messages/ja.json';

/**
 * The strings of the banner and the dialog: whole message namespaces, passed as one prop. Messages
 * with placeholders are formatted at build, except the receipt's `{category}：{answer}`, which the
 * consent island fills in from the markup (data-choice).
 */
export type BannerStrings = (typeof messages)['ConsentBanner'] & {body: string};
export type PreferencesStrings = (typeof messages)['ConsentPreferences'];
