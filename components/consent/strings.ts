import type messages from '@/messages/ja.json';

/**
 * The strings of the consent leaves: whole message namespaces, resolved on the server and passed as
 * one prop (no i18n runtime ships to the client). Messages with placeholders are formatted on the
 * server, except the receipt's `{category}：{answer}`, which the dialog fills in itself.
 */
export type BannerStrings = (typeof messages)['ConsentBanner'] & {body: string};
export type PreferencesStrings = (typeof messages)['ConsentPreferences'];
