/**
 * A throwaway Postgres with pgvector, in this process and without Docker: PGlite (Postgres compiled to
 * WebAssembly) served over the wire protocol on a loopback port, reached with `pg` exactly as a server
 * is. For the tests and `npm run eval -- --store postgres` when no DATABASE_URL is given; PGlite is a
 * development dependency, imported only here.
 *
 * PGlite is one session. This server gives each connection its turn a whole exchange at a time (every
 * message up to Sync, or a simple Query), and a connection inside a transaction keeps the turn until it
 * ends: pglite-socket's server interleaves single messages of different connections, so two pools
 * sending parameterised queries at once bound one's parameters to the other's statement.
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface LocalPostgres {
  /** postgres://... of the server. */
  url: string;
  /** Closes the port and every connection, keeping the data: the database "down" for tests. */
  pause(): Promise<void>;
  /** Listens on the same port again. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

type PGliteInstance = Awaited<ReturnType<typeof import('@electric-sql/pglite').PGlite.create>>;

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

export async function startLocalPostgres(options: { port?: number } = {}): Promise<LocalPostgres> {
  const [{ PGlite }, { vector }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-pgvector')]);
  const db = await PGlite.create({ extensions: { vector } });
  const turns = new Turns(db);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const created = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        serveConnection(socket, turns);
      });
      created.once('error', reject);
      created.listen(port, '127.0.0.1', () => resolve(created));
    });
  server = await listen(options.port ?? 0);
  const { port } = server.address() as { port: number };
  const close = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pause: close,
    async resume() {
      server ??= await listen(port);
    },
    async stop() {
      await close();
      await db.close();
    },
  };
}

/** Whose turn it is on the one PGlite session. */
class Turns {
  private owner: object | undefined;
  private readonly waiting: { connection: object; run: () => void }[] = [];
  private running = false;

  constructor(readonly db: PGliteInstance) {}

  /** Runs `messages` on the session, each in turn, once no other connection holds a transaction open. */
  exchange(connection: object, messages: Uint8Array[], write: (data: Uint8Array) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({
        connection,
        run: () => {
          void (async () => {
            for (const message of messages) await this.db.execProtocolRawStream(message, { onRawData: write });
          })()
            .then(resolve, reject)
            .finally(() => {
              this.owner = this.db.isInTransaction() ? connection : undefined;
              this.running = false;
              this.next();
            });
        },
      });
      this.next();
    });
  }

  /** A connection gone: its open transaction is rolled back, so it cannot hold the session. */
  async closed(connection: object): Promise<void> {
    for (let i = this.waiting.length - 1; i >= 0; i--) if (this.waiting[i]!.connection === connection) this.waiting.splice(i, 1);
    if (this.owner === connection) {
      this.waiting.unshift({
        connection,
        run: () => {
          void this.db
            .exec('ROLLBACK')
            .catch(() => {})
            .finally(() => {
              this.owner = undefined;
              this.running = false;
              this.next();
            });
        },
      });
      this.next();
    }
  }

  private next(): void {
    if (this.running) return;
    const index = this.owner ? this.waiting.findIndex((item) => item.connection === this.owner) : 0;
    if (index < 0 || index >= this.waiting.length) return;
    const [item] = this.waiting.splice(index, 1);
    this.running = true;
    item!.run();
  }
}

function serveConnection(socket: Socket, turns: Turns): void {
  const connection = {};
  let buffer = Buffer.alloc(0);
  let started = false;
  let pending: Uint8Array[] = [];
  let chain = Promise.resolve();
  const write = (data: Uint8Array) => {
    if (data.length > 0 && socket.writable) socket.write(Buffer.from(data));
  };
  const send = (messages: Uint8Array[]) => {
    chain = chain.then(() => turns.exchange(connection, messages, write)).catch(() => void socket.destroy());
  };
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        if (code === SSL_REQUEST) socket.write('N');
        else if (code === CANCEL_REQUEST) socket.end();
        else {
          started = true;
          send([new Uint8Array(message)]);
        }
        continue;
      }
      if (buffer.length < 5) return;
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const type = String.fromCharCode(buffer[0]!);
      const message = new Uint8Array(buffer.subarray(0, length));
      buffer = buffer.subarray(length);
      if (type === 'X') {
        socket.end();
        return;
      }
      pending.push(message);
      // An exchange ends with Sync (extended protocol) or is one simple Query.
      if (type === 'S' || type === 'Q') {
        send(pending);
        pending = [];
      }
    }
  });
  socket.on('error', () => {});
  socket.on('close', () => void chain.finally(() => turns.closed(connection)));
}
