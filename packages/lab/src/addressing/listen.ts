import { createServer, type Server, type Socket } from 'node:net';
import { AppError } from '@praxisready/model';
import { isLoopbackV4 } from './address-plan.ts';

export interface TcpListener {
  address: string;
  port: number;
  /** The port asked for; differs from `port` when it was 0 or remapped. */
  requestedPort: number;
  /** true when the requested port needed privileges we do not have and an ephemeral port was taken. */
  remapped: boolean;
  close(): Promise<void>;
}

/**
 * Listens on a loopback address. Ports below 1024 need root on Linux: without it the listener moves to an
 * ephemeral port and says so (`remapped`), so the lab still starts for a developer without privileges.
 * Connections are accepted, optionally greeted, and closed after `idleMs`.
 */
export async function listenTcp(options: {
  address: string;
  port: number;
  greeting?: string;
  idleMs?: number;
  onConnection?: (socket: Socket) => void;
}): Promise<TcpListener> {
  if (!isLoopbackV4(options.address)) {
    throw new AppError('CONFIG_INVALID', `Refusing to listen on non-loopback address ${options.address}`);
  }
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.setTimeout(options.idleMs ?? 10_000, () => socket.destroy());
    if (options.onConnection) {
      options.onConnection(socket);
    } else if (options.greeting !== undefined) {
      socket.write(options.greeting);
    }
  });
  let remapped = false;
  let port: number;
  try {
    port = await bind(server, options.address, options.port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EACCES' || options.port === 0) {
      throw new AppError('CONFIG_INVALID', `Cannot listen on ${options.address}:${options.port}`, {
        cause: error,
        hint:
          (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
            ? 'Port belegt: läuft schon ein Labor? praxisready lab status / lab down, oder --block wählen.'
            : undefined,
      });
    }
    remapped = true;
    port = await bind(server, options.address, 0);
  }
  return {
    address: options.address,
    port,
    requestedPort: options.port,
    remapped,
    close: () => closeServer(server, sockets),
  };
}

function bind(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr !== null ? addr.port : port);
    });
  });
}

/** Closes a server and every socket it still holds. */
export function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) {
    s.destroy();
  }
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
  });
}
