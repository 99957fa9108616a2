/**
 * A throwaway Postgres with pgvector, in this process and without Docker: PGlite (Postgres compiled to
 * WebAssembly) served over the wire protocol on a loopback port, reached with `pg` exactly as a server
 * is. For the tests and `npm run eval -- --store postgres` when no DATABASE_URL is given; PGlite is a
 * development dependency, imported only here.
 */
export interface LocalPostgres {
  /** postgres://... of the server. */
  url: string;
  stop(): Promise<void>;
}

export async function startLocalPostgres(options: { port?: number; maxConnections?: number } = {}): Promise<LocalPostgres> {
  const [{ PGlite }, { vector }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-pgvector'),
    import('@electric-sql/pglite-socket'),
  ]);
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: options.maxConnections ?? 64 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
