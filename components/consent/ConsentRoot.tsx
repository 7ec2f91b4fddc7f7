'use client';

import {useEffect} from 'react';
import {declareTechnologies, initConsent, type DeclaredTechnology} from '@/lib/consent/client';
import type {ConsentScheduleEntry} from '@/lib/consent/record';

/**
 * Initialises the browser's consent store once per page, whatever else the page shows: useConsent(),
 * ConsentGate and GatedScript work with or without the banner. Renders nothing.
 */
export function ConsentRoot({
  schedule,
  registry,
  declared,
}: {
  schedule: ConsentScheduleEntry[];
  registry: string;
  declared: DeclaredTechnology[];
}) {
  useEffect(() => {
    declareTechnologies(declared);
    initConsent(schedule, registry);
  }, [schedule, registry, declared]);
  return null;
}
