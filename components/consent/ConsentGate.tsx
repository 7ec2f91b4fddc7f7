'use client';

import type {ReactNode} from 'react';
import type {OptionalCategory} from '@/lib/consent/contract';
import {useConsent} from './useConsent';

/** Renders its children only while the visitor has granted the category. */
export function ConsentGate({
  category,
  children,
  fallback = null,
}: {
  category: OptionalCategory;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return useConsent().granted(category) ? children : fallback;
}
