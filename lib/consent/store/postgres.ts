import pg from 'pg';
import {openSqlStore} from './sql-store';
import type {ConsentStore, SqlClient} from './types';

/**
 * PostgreSQL server mode (DATABASE_URL): for more than one machine. Every statement of the store
 * has a deadline (5 s); the migrations at open run on a pool of their own without it, since one may
 * rewrite every row of a large store once.
 */
export async function openPostgresStore(connectionString: string): Promise<ConsentStore> {
  const pool = new pg.Pool({connectionString, max: 10, connectionTimeoutMillis: 3000, query_timeout: 5000});
  const migrations = new pg.Pool({connectionString, max: 1, connectionTimeoutMillis: 3000});
  for (const each of [pool, migrations])
    // An idle client losing its server (restart, failover) must not crash the process: logged, and
    // the next query reconnects.
    each.on('error', (error) => console.error(`[consent] PostgreSQL connection lost: ${error.message}`));
  try {
    return await openSqlStore('postgres', sqlClient(pool), sqlClient(migrations));
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  } finally {
    await migrations.end().catch(() => {});
  }
}

function sqlClient(pool: pg.Pool): SqlClient {
  return {
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
  };
}
