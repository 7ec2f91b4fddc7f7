import {existsSync} from 'node:fs';
import path from 'node:path';
import {distDir} from '../../security/csp-manifest';

/**
 * An empty embedded store with every migration applied, made at build (scripts/store-template.ts)
 * inside the build folder: the server's first start copies it instead of running PostgreSQL's
 * initdb, which takes seconds, so the first visitor's choice is stored as soon as pages are served.
 */
export const STORE_TEMPLATE = 'consent-store-template';

/** The build's template, when it has one. */
export function storeTemplateDir(): string | undefined {
  const dir = path.join(process.cwd(), distDir(), STORE_TEMPLATE);
  return existsSync(path.join(dir, 'PG_VERSION')) ? dir : undefined;
}
