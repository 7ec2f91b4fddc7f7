import type {Locale} from '../../../i18n/routing';
import type {ConsentMethod, OptionalCategory} from '../contract';
import type {AuditResult} from '../transparency/audit';
import type {LogKey} from '../transparency/keys';
import type {StoredCheckpoint} from '../transparency/log';
import type {Hash} from '../transparency/merkle';

/** One recorded choice, as stored: no IP address, no user agent — the consent id ties it to the cookie. */
export interface Receipt {
  consentId: string;
  /** When the visitor made the choice (the record's timestamp): with the id, the receipt's identity. */
  recordedAt: Date;
  /** When the server stored it. */
  receivedAt: Date;
  policyVersion: string;
  choices: Record<OptionalCategory, boolean>;
  method: ConsentMethod;
  locale: Locale;
  /** SHA-256 of the exact policy text shown (that version, that language); null before migration 2. */
  policySha256: string | null;
  /** The registry's fingerprint the choice was made under; null before migration 2. */
  registryFingerprint: string | null;
  /**
   * The origin of the page the choice was made on (this site, or a HeyImg page embedding the
   * consent); null before migration 3.
   */
  origin: string | null;
  /** Its entry in the consent log (lib/consent/transparency); null for a row the log does not hold. */
  logIndex?: number | null;
}

/** A visitor's deletion of their receipts, itself kept so that the log shows it happened. */
export interface Deletion {
  consentId: string;
  deletedAt: Date;
  receipts: number;
}

export type NewReceipt = Omit<Receipt, 'receivedAt' | 'logIndex'>;

/** What both stores (embedded PGlite, PostgreSQL server) do, with the same SQL. */
export interface ConsentStore {
  readonly kind: 'embedded' | 'postgres';
  /**
   * Append-only and idempotent: the same receipt (consent id + recordedAt) twice is stored once;
   * another receipt with the same id and time is a conflict and is not stored.
   */
  append(receipt: NewReceipt): Promise<'stored' | 'duplicate' | 'conflict'>;
  /**
   * The first receipt of a consent id: stored only if the id has no receipt and was never deleted,
   * atomically (two browsers claiming one id at once: one wins). 'taken' when the id is in use.
   */
  claim(receipt: NewReceipt): Promise<'stored' | 'taken'>;
  /** A visitor's receipts in the order the server received them. */
  list(consentId: string): Promise<Receipt[]>;
  /**
   * The visitor's own deletion of their receipts, recorded as a deletion (id, time, count) when
   * there was something to delete: an unknown id leaves no trace.
   */
  deleteConsent(consentId: string): Promise<number>;
  /** Receipts received in [from, to), oldest first, in pages: memory does not grow with the log. */
  export(from: Date, to: Date, pageSize?: number): AsyncGenerator<Receipt>;
  /** Deletions made in [from, to). */
  deletions(from: Date, to: Date): Promise<Deletion[]>;
  /**
   * The retention period's end: removes receipts received before `cutoff`, and the records of
   * deletions made before it (they name a consent id too).
   */
  purgeBefore(cutoff: Date): Promise<{receipts: number; deletions: number}>;
  /**
   * The append-only log of every receipt, deletion and purge (lib/consent/transparency): each of
   * those writes commits its entry in the same transaction, so nothing is acknowledged unlogged.
   */
  log: ConsentLog;
  /** The applied migrations, the receipts table's columns and the durability settings: for tests and health. */
  schema(): Promise<{
    migrations: number[];
    columns: string[];
    durability: {fsync: string; synchronousCommit: string; walSyncMethod: string};
  }>;
  /** One trivial statement: whether the store answers now (the heartbeat behind /api/health). */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The embedded store's engine process: its peak memory (the operator's export reports it). */
  enginePeakMemoryMB?(): Promise<number>;
  /** Why the embedded store's engine process ended, once it has: the store must be opened again. */
  lost?(): Error | null;
}

/** What the log answers: its size, its signed checkpoints and the proofs against them. */
export interface ConsentLog {
  size(): Promise<number>;
  latestCheckpoint(): Promise<StoredCheckpoint | null>;
  /** Signs a checkpoint of the log as it is now with `key`, unless the latest one covers it already. */
  checkpoint(key: LogKey, origin: string): Promise<StoredCheckpoint>;
  /** The inclusion proof of entry `index` in the tree of the first `size` entries (RFC 9162 PATH). */
  inclusionProof(index: number, size: number): Promise<Hash[]>;
  /** The consistency proof from the tree of `from` entries to that of `to` (RFC 9162 PROOF). */
  consistencyProof(from: number, to: number): Promise<Hash[]>;
  /** The auditor's check of the whole log against the store and the checkpoints (consent:verify). */
  audit(keys: readonly LogKey[], origin: string): Promise<AuditResult>;
}

/** The one thing the two drivers differ in: how a query is sent. */
export interface SqlClient {
  query<T>(sql: string, params?: unknown[]): Promise<{rows: T[]}>;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (client: Pick<SqlClient, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
