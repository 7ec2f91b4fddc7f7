import pg from 'pg';
import {openSqlStore} from './sql-store';
import type {ConsentStore} from './types';

/** PostgreSQL server mode (DATABASE_URL): for more than one machine. */
export async function openPostgresStore(connectionString: string): Promise<ConsentStore> {
  const pool = new pg.Pool({connectionString, max: 10, connectionTimeoutMillis: 3000, query_timeout: 5000});
  // An idle client losing its server (restart, failover) must not crash the process: logged, and
  // the next query reconnects.
  pool.on('error', (error) => console.error(`[consent] PostgreSQL connection lost: ${error.message}`));
  return openSqlStore('postgres', {
    query: (sql, params) => pool.query(sql, params) as never,
    async transaction(work) {
      const client = await pool.connect();
      // The server lost between two statements of the transaction: the next one fails with it, and
      // the connection is discarded rather than returned to the pool (an unheard 'error' would end
      // the process).
      let lost: Error | undefined;
      const onError = (error: Error) => (lost = error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work({query: (sql, params) => client.query(sql, params) as never});
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.off('error', onError);
        client.release(lost);
      }
    },
    close: () => pool.end(),
  }).catch(async (error: unknown) => {
    await pool.end().catch(() => {});
    throw error;
  });
}
