// One wrk run against a URL, parsed into the figures the benchmarks print.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
export const WRK = "/usr/bin/wrk";

export type LoadResult = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Socket errors (connect, read, write, timeout) plus answers outside 2xx/3xx. */
  errors: number;
  transferPerSecond: string;
};

function toMs(value: string, unit: string): number {
  const n = Number(value);
  if (unit === "us") return n / 1000;
  if (unit === "ms") return n;
  if (unit === "s") return n * 1000;
  if (unit === "m") return n * 60_000;
  throw new Error(`unknown wrk latency unit ${unit}`);
}

export function parseWrk(output: string): LoadResult {
  const latency = (pct: string) => {
    const m = output.match(new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m"));
    if (!m) throw new Error(`wrk output has no ${pct}% latency:\n${output}`);
    return toMs(m[1]!, m[2]!);
  };
  const rps = output.match(/^Requests\/sec:\s+([\d.]+)/m);
  const total = output.match(/^\s*(\d+) requests in/m);
  if (!rps || !total) throw new Error(`unexpected wrk output:\n${output}`);
  const socket = output.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const non2xx = Number(output.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  return {
    requestsPerSecond: Number(rps[1]),
    p50Ms: latency("50"),
    p99Ms: latency("99"),
    requests: Number(total[1]),
    errors: socketErrors + non2xx,
    transferPerSecond: output.match(/^Transfer\/sec:\s+(\S+)/m)?.[1] ?? "",
  };
}

export async function loadTest(
  url: string,
  options: { seconds: number; connections: number; threads: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const headerArgs = Object.entries(options.headers ?? {}).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
  const args = [
    "-t",
    String(options.threads),
    "-c",
    String(options.connections),
    "-d",
    `${options.seconds}s`,
  ];
  const { stdout } = await run(WRK, [...args, "--latency", ...headerArgs, url], { maxBuffer: 1 << 20 });
  return parseWrk(stdout);
}
