/**
 * A throwaway Postgres with pgvector, in this process and without Docker: PGlite (Postgres compiled to
 * WebAssembly) served over the wire protocol on a loopback port, reached with `pg` exactly as a server
 * is. For the tests and `npm run eval -- --store postgres` when no DATABASE_URL is given; PGlite is a
 * development dependency, imported only here.
 */
export interface LocalPostgres {
  /** postgres://... of the server. */
  url: string;
  /** Closes the port and every connection, keeping the data: the database "down" for tests. */
  pause(): Promise<void>;
  /** Listens on the same port again. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalPostgres(options: { port?: number; maxConnections?: number } = {}): Promise<LocalPostgres> {
  const [{ PGlite }, { vector }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-pgvector'),
    import('@electric-sql/pglite-socket'),
  ]);
  const db = await PGlite.create({ extensions: { vector } });
  const serve = (port: number) => new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: options.maxConnections ?? 64 });
  let server: InstanceType<typeof PGLiteSocketServer> | undefined = serve(options.port ?? 0);
  await server.start();
  const address = server.getServerConn();
  const port = Number(address.split(':').pop());
  return {
    url: `postgres://postgres@${address}/postgres`,
    async pause() {
      await server?.stop();
      server = undefined;
    },
    async resume() {
      server ??= serve(port);
      await server.start();
    },
    async stop() {
      await server?.stop();
      await db.close();
    },
  };
}
