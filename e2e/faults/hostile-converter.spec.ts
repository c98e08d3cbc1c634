// The Sigma converter fed rules built to exhaust a parser or a matcher. Each answers a 4xx that
// says what was wrong (or, for input a linear-time engine handles, a normal answer), writes
// nothing, and the server keeps answering /api/health while it runs.
import { expect, test } from "@playwright/test";
import { SITE, healthyWhile, rowCounts } from "./support";

const JSON_HEADERS = { origin: SITE, "content-type": "application/json" };

function rule(detection: string[], condition: string): string {
  return [
    "title: Hostile rule",
    "logsource:",
    "  product: windows",
    "  category: process_creation",
    "detection:",
    ...detection.map((line) => `  ${line}`),
    `  condition: ${condition}`,
    "level: low",
  ].join("\n");
}

const selection = ["selection:", "  Image|endswith: '\\powershell.exe'"];

function billionLaughs(): string {
  const lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 9; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(",")}]`,
    );
  return rule([...lines, "selection:", "  CommandLine: *l9"], "selection");
}

type Case = { name: string; body: { rule: string; events?: string }; expect: "4xx" | "answered" };

const CASES: Case[] = [
  { name: "YAML anchor bomb (billion laughs)", body: { rule: billionLaughs() }, expect: "4xx" },
  {
    name: "YAML nested 5,000 deep",
    body: { rule: rule([...selection, `deep: ${"[".repeat(5000)}${"]".repeat(5000)}`], "selection") },
    expect: "4xx",
  },
  {
    name: "condition nested in 5,000 parentheses",
    body: { rule: rule(selection, `${"(".repeat(5000)}selection${")".repeat(5000)}`) },
    expect: "4xx",
  },
  {
    name: "condition of 20,000 nots",
    body: { rule: rule(selection, `${"not ".repeat(20000)}selection`) },
    expect: "4xx",
  },
  {
    name: "a 240 KB 'and' chain",
    body: { rule: rule(selection, Array(24_000).fill("selection").join(" and ")) },
    expect: "4xx",
  },
  {
    name: "pathological wildcards against a long run of a",
    body: {
      rule: rule(["selection:", `  CommandLine: '${"*a".repeat(200)}*b'`], "selection"),
      events: JSON.stringify([{ CommandLine: "a".repeat(4000) }]),
    },
    expect: "answered",
  },
  {
    name: "a backtracking regular expression (a+)+$",
    body: {
      rule: rule(["selection:", "  CommandLine|re: '(a+)+$'"], "selection"),
      events: JSON.stringify([{ CommandLine: `${"a".repeat(5000)}!` }]),
    },
    expect: "answered",
  },
];

for (const c of CASES) {
  test(`converter: ${c.name}`, async ({ request }) => {
    const before = await rowCounts();
    const answer = await healthyWhile(request, "/api/sigma/convert", JSON_HEADERS, JSON.stringify(c.body));
    const where = `${c.name}: ${answer.status} ${answer.body.slice(0, 300)}`;
    expect(answer.status, where).toBeLessThan(500);
    if (c.expect === "4xx") {
      expect(answer.status, where).toBeGreaterThanOrEqual(400);
      const message = String((JSON.parse(answer.body) as { error?: unknown }).error ?? "");
      expect(message.length, where).toBeGreaterThan(5);
    }
    expect(answer.headers["content-security-policy"], where).toBeTruthy();
    expect(await rowCounts()).toEqual(before);
  });
}
