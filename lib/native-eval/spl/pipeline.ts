// Splits SPL text into commands at top-level pipes (outside quotes and [subsearches]).
import { NativeEvalError } from "@/lib/native-eval/types";

const GENERATING = new Set([
  "search",
  "tstats",
  "inputlookup",
  "makeresults",
  "from",
  "datamodel",
  "pivot",
  "rest",
  "metadata",
]);

export type Command = { name: string; args: string; text: string };

export function splitPipeline(query: string): Command[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = "";
  for (let i = 0; i < query.length; i++) {
    const c = query[i]!;
    if (quote) {
      cur += c;
      if (c === "\\" && i + 1 < query.length) {
        cur += query[++i];
        continue;
      }
      if (c === quote) quote = null;
      continue;
    }
    if (c === '"') quote = c;
    else if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === "`") throw new NativeEvalError("macro (`...`)");
    if (c === "|" && depth === 0) {
      parts.push(cur);
      cur = "";
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  if (quote || depth !== 0) throw new NativeEvalError("unbalanced quotes or brackets");
  const cmds: Command[] = [];
  parts.forEach((p, idx) => {
    const text = p.trim();
    if (!text) {
      if (idx === 0) return;
      throw new NativeEvalError("empty command between pipes");
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\b\s*([\s\S]*)$/.exec(text);
    const first = m?.[1] ?? "";
    // The first segment without a command name is an implicit `search`.
    if (idx === 0 && !GENERATING.has(first)) cmds.push({ name: "search", args: text, text });
    else if (m) cmds.push({ name: first.toLowerCase(), args: m[2]!, text });
    else throw new NativeEvalError(`cannot read command '${text.slice(0, 30)}'`);
  });
  return cmds;
}
