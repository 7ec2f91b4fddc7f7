'use client';

import Script, {type ScriptProps} from 'next/script';
import type {OptionalCategory} from '@/lib/consent/contract';
import {ConsentGate} from './ConsentGate';

/**
 * next/script that is not even requested until its category is granted. Withdrawing cannot unload
 * a script that already ran; the withdrawal deletes its declared cookies, and the script's own
 * code should listen for `heyimg:consentchange`.
 */
export function GatedScript({category, ...props}: ScriptProps & {category: OptionalCategory}) {
  return (
    <ConsentGate category={category}>
      <Script strategy="afterInteractive" {...props} />
    </ConsentGate>
  );
}
