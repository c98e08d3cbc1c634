// Conformance of the encoding modifiers (base64, base64offset, utf16le, utf16be, utf16, wide) on
// every backend, pinned to the Sigma specification (sigma-appendix-modifiers.md, "Encoding").
// They are transformation modifiers: the value is encoded before conversion, so each target
// only has to match the encoded text (case-insensitively, as every Sigma string value).
import { describe } from "vitest";
import { conformance } from "@/lib/sigma/conformance/modifier-harness";

const kql = (where: string) => `DeviceProcessEvents\n| where ${where}`;
const esql = (where: string) => `from logs-* metadata _id, _index, _version\n| where ${where}`;
const eql = (where: string) => `process where ${where}`;
const b64 = (text: string, encoding: BufferEncoding = "utf8") =>
  Buffer.from(text, encoding).toString("base64");

/** One exact encoded value, as every target writes it (ES|QL lower-cases for its to_lower). */
function exact(value: string, lucene: string, logscale: string) {
  return {
    splunk: { doc: "quoted term", query: `CommandLine="${value}"` },
    kql: { doc: "=~ (KQL string operators)", query: kql(`ProcessCommandLine =~ "${value}"`) },
    lucene: { doc: "term, reserved characters escaped", query: `process.command_line:${lucene}` },
    esql: { doc: "to_lower ==", query: esql(`to_lower(process.command_line) == "${value.toLowerCase()}"`) },
    eql: { doc: ":", query: eql(`process.command_line : "${value}"`) },
    "yara-l": { doc: "= nocase", query: `$e.target.process.command_line = "${value}" nocase` },
    logscale: { doc: "anchored /regex/i", query: `CommandLine=/^${logscale}$/i` },
  };
}

/** The three base64offset variants searched anywhere in the field. */
function anyOf(variants: string[]) {
  return {
    splunk: {
      doc: "IN list of *variant*",
      query: `CommandLine IN (${variants.map((v) => `"*${v}*"`).join(", ")})`,
    },
    kql: {
      doc: "contains per variant",
      query: kql(variants.map((v) => `ProcessCommandLine contains "${v}"`).join(" or ")),
    },
    lucene: {
      doc: "(a OR b OR c) list",
      query: `process.command_line:(${variants.map((v) => `*${v}*`).join(" OR ")})`,
    },
    esql: {
      doc: "LIKE per variant on to_lower",
      query: esql(
        variants.map((v) => `to_lower(process.command_line) like "*${v.toLowerCase()}*"`).join(" or "),
      ),
    },
    eql: {
      doc: ": list",
      query: eql(`process.command_line : (${variants.map((v) => `"*${v}*"`).join(", ")})`),
    },
    "yara-l": {
      doc: "regex per variant",
      query: variants.map((v) => `$e.target.process.command_line = /(?s)${v}/ nocase`).join(" or "),
    },
    logscale: { doc: "regex per variant", query: variants.map((v) => `CommandLine=/${v}/i`).join(" or ") },
  };
}

// "`base64`: The value is encoded with Base64."
describe("base64", () => {
  conformance(
    {
      selection: "    CommandLine|base64: 'cmd'",
      match: [{ CommandLine: "Y21k" }],
      miss: [{ CommandLine: "cmd" }, { CommandLine: "xY21k" }],
    },
    exact("Y21k", "Y21k", "Y21k"),
  );
});

// "`base64offset`: ... There are three variants for shifts by zero to two bytes and except the
// first and last byte the encoded values have a static part in the middle that can be
// recognized." For http: aHR0c (shift 0), h0dH (shift 1), odHRw (shift 2), as pySigma gives.
describe("base64offset (with contains)", () => {
  conformance(
    {
      selection: "    CommandLine|base64offset|contains: 'http'",
      match: ["http://x", "Ahttp://x", "ABhttp://x"].map((s) => ({ CommandLine: `-e ${b64(s)}` })),
      miss: [{ CommandLine: "http://x" }, { CommandLine: b64("htt://x") }],
    },
    anyOf(["aHR0c", "h0dH", "odHRw"]),
  );
});

// "`utf16le`: Transforms value to UTF16-LE encoding, e.g. `cmd` > `63 00 6d 00 64 00`"
describe("utf16le (then base64)", () => {
  conformance(
    {
      selection: "    CommandLine|utf16le|base64: 'cmd'",
      match: [{ CommandLine: b64("cmd", "utf16le") }],
      miss: [{ CommandLine: b64("cmd") }],
    },
    exact("YwBtAGQA", "YwBtAGQA", "YwBtAGQA"),
  );
});

// "`utf16be`: Transforms value to UTF16-BE encoding, e.g. `cmd` > `00 63 00 6d 00 64`"
describe("utf16be (then base64)", () => {
  conformance(
    {
      selection: "    CommandLine|utf16be|base64: 'cmd'",
      match: [{ CommandLine: Buffer.from([0, 0x63, 0, 0x6d, 0, 0x64]).toString("base64") }],
      miss: [{ CommandLine: b64("cmd", "utf16le") }],
    },
    exact("AGMAbQBk", "AGMAbQBk", "AGMAbQBk"),
  );
});

// "`utf16`: Prepends a byte order mark and encodes UTF16, e.g. `cmd` > `FF FE 63 00 6d 00 64 00`"
describe("utf16 (then base64): byte order mark FF FE, then little-endian", () => {
  conformance(
    {
      selection: "    CommandLine|utf16|base64: 'cmd'",
      match: [{ CommandLine: Buffer.from([0xff, 0xfe, 0x63, 0, 0x6d, 0, 0x64, 0]).toString("base64") }],
      miss: [{ CommandLine: b64("cmd", "utf16le") }],
    },
    exact("//5jAG0AZAA=", String.raw`\/\/5jAG0AZAA\=`, String.raw`\/\/5jAG0AZAA=`),
  );
});

// "`wide`: an alias for the `utf16le` modifier." With base64offset, as Sigma rules find
// PowerShell's -EncodedCommand (UTF-16LE, then base64).
describe("wide (then base64offset, contains)", () => {
  conformance(
    {
      selection: "    CommandLine|wide|base64offset|contains: 'cmd'",
      match: ["cmd /c", "xcmd /c", "x cmd /c"].map((s) => ({ CommandLine: `-enc ${b64(s, "utf16le")}` })),
      miss: [{ CommandLine: `-enc ${b64("cmd /c")}` }],
    },
    anyOf(["YwBtAGQA", "MAbQBkA", "jAG0AZA"]),
  );
});
