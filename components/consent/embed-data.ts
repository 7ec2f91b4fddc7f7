import type {DeclaredTechnology} from '@/lib/consent/client';
import type {IslandConfig} from './island';

/**
 * The data the consent embed fetches from this site, one file per language, made by every build
 * (scripts/build-embed.tsx): the markup this site renders into its own pages, its CSS, and what the
 * behaviour module works from. The path's v1 is the format's version: a released embed reads it
 * for as long as it is served.
 */
export interface EmbedData {
  markup: string;
  css: string;
  config: IslandConfig;
  declared: DeclaredTechnology[];
}

export const embedDataPath = (locale: string) => `/consent/embed/v1/data.${locale}.json`;

/** The policy's schedule and the registry's fingerprint alone, for other apps' servers (lib/consent/read-consent.ts). */
export const EMBED_POLICY_PATH = '/consent/embed/v1/policy.json';
