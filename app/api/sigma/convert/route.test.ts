// The converter API: valid rules convert and evaluate; every kind of bad input is a 4xx.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/sigma/convert/route";
import { getTechnique } from "@/lib/content/catalog";

const rule = fs.readFileSync("tests/fixtures/sigma/encoded-powershell.yml", "utf8");
const post = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(
    new Request("http://localhost/api/sigma/convert", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

describe("POST /api/sigma/convert", () => {
  it("converts to every backend, links known ATT&CK tags and evaluates events", async () => {
    const events =
      '{"Image":"C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe","CommandLine":"powershell -enc SQBFAFgA"}\n{"Image":"C:\\\\x\\\\notepad.exe"}';
    const res = await post({ rule, events });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.diagnostics).toEqual([]);
    const [r] = body.rules;
    expect(r.conversions.map((c: { target: string }) => c.target)).toEqual([
      "splunk",
      "kql",
      "lucene",
      "esql",
      "eql",
    ]);
    expect(
      r.conversions.every((c: { query?: string; html?: string }) => c.query && c.html?.includes("shiki")),
    ).toBe(true);
    expect(r.tags).toContainEqual({ tag: "attack.t1059.001", href: "/techniques/T1059.001" });
    expect(r.tags).toContainEqual({
      tag: "attack.t1027",
      href: getTechnique("T1027") ? "/techniques/T1027" : null,
    });
    expect(r.tags).toContainEqual({ tag: "attack.execution", href: null });
    expect(r.evaluation).toEqual({
      matched: 1,
      results: [
        { index: 0, matched: true, fired: ["selection_img", "selection_enc"] },
        { index: 1, matched: false, fired: [] },
      ],
    });
  });
  it("answers 422 with located diagnostics for an invalid rule", async () => {
    const res = await post({ rule: rule.replace("windash|contains", "windash|contians") });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.diagnostics[0]).toMatchObject({
      line: expect.any(Number),
      column: expect.any(Number),
      message: expect.stringContaining('unknown modifier "contians"'),
    });
  });
  it("answers 4xx for malformed requests, bad events and oversized bodies", async () => {
    expect((await post("{not json")).status).toBe(400);
    expect((await post({ rule }, { "content-type": "text/plain" })).status).toBe(400);
    expect((await post({ rule: "" })).status).toBe(400);
    expect((await post({ rule, targets: ["qradar"] })).status).toBe(400);
    expect((await post({ rule, extra: 1 })).status).toBe(400);
    expect((await post({ rule, events: "{oops" })).status).toBe(422);
    expect((await post({ rule: "x".repeat(900 * 1024) })).status).toBe(413);
    expect((await post({ rule: `a: ${"[".repeat(100000)}` })).status).toBe(422);
  });
});
