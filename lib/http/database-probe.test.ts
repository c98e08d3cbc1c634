import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { databaseReachable, postgresEndpoint } from "./database-probe";

const servers: net.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

function listen(onConnection: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(onConnection);
  servers.push(server);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
}

describe("databaseReachable", () => {
  it("is true without a server to reach (embedded PGlite)", async () => {
    expect(await databaseReachable("")).toBe(true);
  });

  it("is true when the server answers an SSLRequest as PostgreSQL does", async () => {
    const port = await listen((socket) => socket.once("data", () => socket.write("N")));
    expect(await databaseReachable(`postgresql://u:p@127.0.0.1:${port}/db`)).toBe(true);
  });

  it("is false when connections are closed at once, refused, or answered by something else", async () => {
    const closing = await listen((socket) => socket.destroy());
    expect(await databaseReachable(`postgresql://u:p@127.0.0.1:${closing}/db`)).toBe(false);
    const other = await listen((socket) => socket.once("data", () => socket.end("HTTP/1.1 400\r\n\r\n")));
    expect(await databaseReachable(`postgresql://u:p@127.0.0.1:${other}/db`)).toBe(false);
    const refused = await listen(() => undefined);
    await new Promise((closed) => servers.pop()?.close(closed));
    expect(await databaseReachable(`postgresql://u:p@127.0.0.1:${refused}/db`)).toBe(false);
  });

  it("reads host, port and socket directories from the URL", () => {
    expect(postgresEndpoint("postgresql://u:p@db.internal/x")).toEqual({ host: "db.internal", port: 5432 });
    expect(postgresEndpoint("postgresql://u:p@localhost:6543/x?host=/run/postgresql")).toEqual({
      path: "/run/postgresql/.s.PGSQL.6543",
    });
  });
});
