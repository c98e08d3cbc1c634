// Resident memory of a process and all its descendants, read from /proc (Linux): `next build` runs
// its work in child processes, so the parent's own RSS would understate the build's footprint.
import fs from "node:fs";

function children(pid: number): number[] {
  try {
    const dir = `/proc/${pid}/task`;
    return fs
      .readdirSync(dir)
      .flatMap((tid) => fs.readFileSync(`${dir}/${tid}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // the process exited between listing and reading
  }
}

function rssBytes(pid: number): number {
  try {
    const kb = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function treeRssBytes(pid: number): number {
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const next = queue.pop()!;
    total += rssBytes(next);
    queue.push(...children(next));
  }
  return total;
}
