'use client';

import {useEffect} from 'react';
import {declareTechnologies, type ConsentClientConfig} from '@/lib/consent/client';

export function FixtureDeclarations({declared}: {declared: ConsentClientConfig['declared']}) {
  useEffect(() => declareTechnologies(declared), [declared]);
  return null;
}
