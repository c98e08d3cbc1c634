// A TCP relay in front of PostgreSQL that the fault suite can cut and restore, to stop "the
// database" under a running server without touching the real one other suites share.
// Cut: every open connection is destroyed and new ones are accepted then closed at once, which
// is what the server sees when PostgreSQL restarts or a network path drops.
import net from "node:net";

export type DbRelay = {
  port: number;
  cut(): void;
  restore(): void;
  isCut(): boolean;
  close(): Promise<void>;
};

export function startDbRelay(target: { host: string; port: number }, listenPort = 0): Promise<DbRelay> {
  let cut = false;
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = net.connect(target);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on("close", () => open.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(listenPort, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        port,
        cut() {
          cut = true;
          for (const socket of open) socket.destroy();
        },
        restore() {
          cut = false;
        },
        isCut: () => cut,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
