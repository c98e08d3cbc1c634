// Runs Debian's nginx as a foreground child with a config in a temporary folder: the production
// front (deploy/nginx) for its test and the serving benchmark, or plain static serving as a baseline.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitForPort } from "./ports";

export const NGINX = "/usr/sbin/nginx";
const FRONT_TEMPLATE = path.join(import.meta.dirname, "../../deploy/nginx/detection-atlas.conf.template");

export type RunningNginx = { dir: string; stop: () => Promise<void> };

export function nginxAvailable(): boolean {
  return fs.existsSync(NGINX);
}

/** The deploy/ template with its placeholders filled. */
export function renderFront(values: {
  listen: string;
  serverName: string;
  upstream: string;
  cacheDir: string;
}) {
  return fs
    .readFileSync(FRONT_TEMPLATE, "utf8")
    .replaceAll("@LISTEN@", values.listen)
    .replaceAll("@SERVER_NAME@", values.serverName)
    .replaceAll("@UPSTREAM@", values.upstream)
    .replaceAll("@CACHE_DIR@", values.cacheDir);
}

function mainConfig(dir: string, httpBody: string): string {
  // As root, workers would drop to `nobody` and could not write the temporary folder.
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  return `${user}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; application/javascript js; text/css css; application/json json; }
  default_type application/octet-stream;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${httpBody}
}
`;
}

async function run(dir: string, port: number, httpBody: string): Promise<RunningNginx> {
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, mainConfig(dir, httpBody));
  const child: ChildProcess = spawn(NGINX, ["-p", dir, "-c", conf], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForPort(port, 10_000, () => child.exitCode !== null);
  } catch (error) {
    child.kill("SIGTERM");
    throw new Error(
      `nginx did not start: ${stderr || fs.readFileSync(path.join(dir, "error.log"), "utf8")}`,
      {
        cause: error,
      },
    );
  }
  return {
    dir,
    stop: async () => {
      // SIGQUIT: graceful stop; the master waits for its workers.
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The production front from deploy/ in front of `upstream` (host:port), listening on 127.0.0.1:port. */
export async function startFront(port: number, upstream: string): Promise<RunningNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-front-"));
  const body = renderFront({
    listen: `127.0.0.1:${port}`,
    serverName: "localhost",
    upstream,
    cacheDir: path.join(dir, "cache"),
  });
  return run(dir, port, body);
}

/** nginx serving files from `root` as they are: the ceiling for static HTML on this machine. */
export async function startStatic(port: number, root: string): Promise<RunningNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atlas-static-"));
  const body = `  server {
    listen 127.0.0.1:${port};
    root ${root};
    location = / { try_files /index.html =404; }
    location / { try_files $uri $uri.html =404; }
  }`;
  return run(dir, port, body);
}
