import type messages from '@/messages/ja.json';

/**
 * The strings of the banner and the dialog: whole message namespaces, passed as one prop. Messages
 * with placeholders are formatted at build, except those the behaviour module (ui.ts) fills in from
 * the markup: the record's `{category}：{answer}` (data-choice) and the notices' `{id}` and `{message}`.
 */
export type BannerStrings = (typeof messages)['ConsentBanner'] & {body: string};
export type PreferencesStrings = (typeof messages)['ConsentPreferences'];
export type NoticeStrings = (typeof messages)['ConsentNotice'];
