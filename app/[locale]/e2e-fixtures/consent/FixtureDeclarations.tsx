'use client';

import {useEffect} from 'react';
import {declareTechnologies, type DeclaredTechnology} from '@/lib/consent/client';

export function FixtureDeclarations({declared}: {declared: DeclaredTechnology[]}) {
  useEffect(() => declareTechnologies(declared), [declared]);
  return null;
}
