// Which fields exist after each SPL command, as far as the search text decides it: `stats`-like
// commands keep only their BY fields and aggregates, `table`/`fields` keep what they list,
// `rename`, `eval`, `rex` and `lookup ... OUTPUT` add names. `null` means "any field may exist".
import type { Token } from "@/lib/verify/syntax/lexer";
import { closing, isPunct, isWord } from "@/lib/verify/rules/tokens";

export type FieldSet = Set<string> | null;

const KEEP_ALL = new Set(
  `where search dedup sort head tail fillnull convert bin bucket makemv mvexpand nomv reverse regex transaction
  eventstats streamstats rangemap addinfo fieldformat strcat filldown accum delta trendline autoregress rex
  makeresults outputlookup collect sendalert`.split(/\s+/),
);
const AGGREGATING = new Set(["stats", "tstats", "chart", "timechart", "sistats", "mstats"]);

/** Words after BY (and OVER for chart), skipping `span=5m`-style options. */
function groupFields(command: Token[]): string[] {
  const out: string[] = [];
  let on = false;
  command.forEach((t, i) => {
    if (isWord(t, "by", "over")) on = true;
    else if (on && t.kind === "word" && !isPunct(command[i + 1], "=") && !isPunct(command[i - 1], "="))
      out.push(t.text);
  });
  return out;
}

/** Names an aggregation creates: `AS alias`, or the call text such as `count` or `dc(user)`. */
function aggregateNames(command: Token[]): string[] {
  const out: string[] = [];
  const stop = command.findIndex((t, i) => i > 0 && isWord(t, "by", "from", "where", "over"));
  const head = stop === -1 ? command : command.slice(0, stop);
  for (let i = 1; i < head.length; i++) {
    const t = head[i]!;
    if (t.kind !== "word" || isPunct(head[i + 1], "=") || isPunct(head[i - 1], "=")) continue;
    let end = i;
    if (isPunct(head[i + 1], "(")) {
      end = closing(head, i + 1);
      if (end === -1) break;
    } else if (!isWord(t, "count")) continue;
    const alias = isWord(head[end + 1], "as") ? head[end + 2] : undefined;
    out.push(
      alias?.kind === "word"
        ? alias.text
        : head
            .slice(i, end + 1)
            .map((x) => x.text)
            .join(""),
    );
    i = alias ? end + 2 : end;
  }
  return out;
}

function renamed(known: Set<string>, from: string, to: string): Set<string> {
  const out = new Set<string>();
  const star = from.indexOf("*");
  for (const f of known) {
    if (star === -1) out.add(f === from ? to : f);
    else {
      const prefix = from.slice(0, star);
      const suffix = from.slice(star + 1);
      if (f.startsWith(prefix) && f.endsWith(suffix))
        out.add(to.replace("*", f.slice(prefix.length, f.length - suffix.length)));
      else out.add(f);
    }
  }
  return out;
}

/** Fields after `command`, given the fields before it. */
export function fieldsAfter(before: FieldSet, command: Token[]): FieldSet {
  const name = command[0]?.text.toLowerCase() ?? "";
  const head = command[0];
  if (!head || head.kind !== "word" || head.text.startsWith("`")) return null;
  if (AGGREGATING.has(name))
    return new Set([
      ...groupFields(command),
      ...aggregateNames(command),
      ...(name === "timechart" ? ["_time"] : []),
    ]);
  if (name === "top" || name === "rare")
    return new Set([
      ...command
        .slice(1)
        .filter((t) => t.kind === "word" && !isPunct(command[command.indexOf(t) + 1], "="))
        .map((t) => t.text),
      "count",
      "percent",
    ]);
  if (before === null) return null;
  if (name === "table" || (name === "fields" && !isPunct(command[1], "-")))
    return new Set(
      command
        .slice(1)
        .filter((t) => t.kind === "word")
        .map((t) => t.text),
    );
  if (name === "rename") {
    let out = before;
    command.forEach((t, i) => {
      // `*` alone lexes as punctuation: `rename Processes.* AS *`.
      const from = command[i - 1];
      const to = command[i + 1];
      const name = (x: Token) => (x.kind === "string" ? x.text.slice(1, -1) : x.text);
      if (isWord(t, "as") && from && to && from.kind !== "punct" && (to.kind !== "punct" || to.text === "*"))
        out = renamed(out, name(from), name(to));
    });
    return out;
  }
  if (name === "eval") {
    const out = new Set(before);
    command.forEach((t, i) => {
      if (isPunct(t, "=") && command[i - 1]?.kind === "word" && (i === 2 || isPunct(command[i - 2], ",")))
        out.add(command[i - 1]!.text);
    });
    return out;
  }
  if (name === "lookup") {
    const at = command.findIndex((t) => isWord(t, "output", "outputnew"));
    if (at === -1) return null;
    const out = new Set(before);
    command.slice(at + 1).forEach((t, i, rest) => {
      if (t.kind === "word" && !isWord(t, "as") && !isWord(rest[i + 1], "as")) out.add(t.text);
    });
    return out;
  }
  if (name === "rex" || name === "regex") {
    const out = new Set(before);
    for (const t of command) for (const m of t.text.matchAll(/\(\?P?<([A-Za-z_]\w*)>/g)) out.add(m[1]!);
    return out;
  }
  if (name === "eventstats" || name === "streamstats")
    return new Set([...before, ...aggregateNames(command)]);
  if (KEEP_ALL.has(name)) return before;
  return null;
}
