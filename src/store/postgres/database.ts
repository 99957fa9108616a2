/**
 * The connection pool (`pg`) every Postgres part of Citeline shares, with timeouts, and the one error a
 * lost or unreachable database becomes: callers tell "try again later" apart from a bug by its class.
 */
import pg from 'pg';
import type { PostgresConfig } from '../../config.js';

/** The database cannot be reached (down, refused, timed out, restarted under us). */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly target: string,
    readonly reason: string,
  ) {
    super(`The database at ${target} cannot be reached (${reason}). Check that it is running and that DATABASE_URL is right.`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Error codes of a connection that failed or dropped, as opposed to a query Postgres refused. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
const CONNECTION_MESSAGES = /connection terminated|timeout exceeded when trying to connect|connection timeout|Connection terminated unexpectedly|Client has encountered a connection error|not queryable/i;

export function isConnectionError(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionError);
  return CONNECTION_MESSAGES.test(error.message);
}

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Candidate list of the HNSW search, as the local store's efSearch. */
const HNSW_EF_SEARCH = 100;

export class Database {
  readonly pool: pg.Pool;
  readonly schema: string;
  readonly target: string;
  private readonly prepared = new WeakSet<pg.PoolClient>();

  constructor(readonly config: PostgresConfig) {
    this.schema = config.schema;
    this.target = redactedUrl(config.url);
    this.pool = new pg.Pool({
      connectionString: config.url,
      max: config.poolMax,
      connectionTimeoutMillis: config.connectTimeoutMs,
      idleTimeoutMillis: 30_000,
      // Idle connections do not keep a command's process alive once its work is done.
      allowExitOnIdle: true,
      statement_timeout: config.statementTimeoutMs,
      query_timeout: config.statementTimeoutMs + 1000,
    });
    // An idle client losing its connection must not crash the process: the next query reconnects.
    this.pool.on('error', () => {});
  }

  /** A schema-qualified table name. */
  table(name: string): string {
    return `"${this.schema}"."${name}"`;
  }

  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    const client = await this.connect();
    try {
      return await client.query<R>(text, values);
    } catch (error) {
      throw this.translated(error);
    } finally {
      client.release();
    }
  }

  /** `work` inside one transaction on one connection: committed if it returns, rolled back if it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    const client = await this.connect();
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw this.translated(error);
    } finally {
      client.release();
    }
  }

  /** A client of the pool, its session set up on first use. */
  async connect(): Promise<pg.PoolClient> {
    let client: pg.PoolClient;
    const deadline = Date.now() + this.config.statementTimeoutMs;
    for (;;) {
      try {
        client = await this.pool.connect();
        break;
      } catch (error) {
        // Every client busy is a burst of work, not a database down: wait on (pg's connect timeout
        // also bounds the wait for a free client), up to a statement's time.
        const saturated = this.pool.totalCount >= this.config.poolMax && this.pool.idleCount === 0;
        if (saturated && /timeout exceeded when trying to connect/i.test(String((error as Error).message)) && Date.now() < deadline) continue;
        throw this.translated(error);
      }
    }
    if (!this.prepared.has(client)) {
      // A connection lost while a client is checked out is reported on the client: without a
      // listener that would end the process; the query in flight fails and the pool drops the client.
      client.on('error', () => {});
      // The HNSW search depth of the local store; an iterative scan keeps k results when older
      // generations' rows are filtered out (pgvector 0.8; older versions lack the setting, harmlessly).
      await client.query(`SET hnsw.ef_search = ${HNSW_EF_SEARCH}`).catch(() => {});
      await client.query('SET hnsw.iterative_scan = relaxed_order').catch(() => {});
      this.prepared.add(client);
    }
    return client;
  }

  /** A quick round trip; throws DatabaseUnavailableError when the database cannot be reached. */
  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
  }

  private translated(error: unknown): unknown {
    if (error instanceof DatabaseUnavailableError || !isConnectionError(error)) return error;
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    return new DatabaseUnavailableError(this.target, reason);
  }
}
