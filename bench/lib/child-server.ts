// A server child process (the app, a bare Next app) that the benchmark starts, waits for and stops.
import { spawn } from "node:child_process";
import { waitForPort } from "./ports";

export type ChildServer = { stop: () => Promise<void>; pid: number | undefined };

export async function startServer(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; port: number; label: string },
): Promise<ChildServer> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (c) => (log += c));
  child.stderr.on("data", (c) => (log += c));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  try {
    await waitForPort(options.port, 120_000, () => child.exitCode !== null);
  } catch (error) {
    await stop();
    throw new Error(`${options.label} did not start:\n${log.slice(-4000)}`, { cause: error });
  }
  return { stop, pid: child.pid };
}
