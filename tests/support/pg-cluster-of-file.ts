import {afterAll, beforeAll} from 'vitest';
import {startPgCluster, type PgCluster} from './postgres-cluster';

/**
 * A throwaway PostgreSQL cluster for a test file, started before its tests and destroyed after:
 * null where Debian's binaries are missing, which fails in CI (.ci/run installs them).
 */
export function pgClusterOfThisFile(): () => PgCluster | null {
  let cluster: PgCluster | null = null;
  beforeAll(async () => {
    cluster = await startPgCluster();
    if (!cluster && process.env.CI)
      throw new Error("PostgreSQL binaries are missing: .ci/run installs Debian's postgresql");
    if (!cluster)
      console.warn(
        'PostgreSQL is not installed here: only the embedded store is tested (apt-get install postgresql to test both).',
      );
  }, 60_000);
  afterAll(() => cluster?.destroy());
  return () => cluster;
}
