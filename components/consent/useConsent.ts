'use client';

import {useSyncExternalStore} from 'react';
import type {OptionalCategory} from '@/lib/consent/contract';
import {getConsent, isPreferencesOpen, openPreferences, saveConsent, subscribeConsent} from '@/lib/consent/client';
import {isGranted, type ConsentRecord} from '@/lib/consent/record';

/**
 * The visitor's current choice for the site's own code. `record` is null until a valid choice
 * exists (and on the server), so nothing optional runs by default.
 */
export function useConsent() {
  const record: ConsentRecord | null = useSyncExternalStore(subscribeConsent, getConsent, () => null);
  return {
    record,
    granted: (category: OptionalCategory) => isGranted(record, category),
    save: saveConsent,
    openPreferences,
  };
}

/** Whether the preferences dialog is open: UI state kept in the consent store. */
export function usePreferencesOpen(): boolean {
  return useSyncExternalStore(subscribeConsent, isPreferencesOpen, () => false);
}
