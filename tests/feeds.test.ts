// The feeds parsed with a real XML parser (and JSON), checked for the elements each format
// requires, on the fixture corpus whose Pro files hold canary strings.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.CONTENT_DIR = "tests/fixtures/content";
});
const { GET: rss } = await import("@/app/feeds/rss.xml/route");
const { GET: atom } = await import("@/app/feeds/atom.xml/route");
const { GET: jsonFeed } = await import("@/app/feeds/feed.json/route");

const CANARY = /CANARY-PRO-[A-Z_]+-7f3a9c/;
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ["item", "entry", "category"].includes(name),
});

async function xml(response: Response) {
  const text = await response.text();
  expect(XMLValidator.validate(text)).toBe(true);
  expect(text).not.toMatch(CANARY);
  return parser.parse(text);
}

describe("feeds", () => {
  it("RSS 2.0 has a channel with title, link, description and items with guid, pubDate and the changelog line", async () => {
    const res = rss();
    expect(res.headers.get("content-type")).toContain("application/rss+xml");
    const doc = await xml(res);
    expect(doc.rss["@_version"]).toBe("2.0");
    const channel = doc.rss.channel;
    for (const field of ["title", "link", "description"]) expect(channel[field], field).toBeTruthy();
    expect(channel.description).toMatch(/ATT&CK v\d+\.\d+/);
    expect(channel.item.length).toBe(2);
    for (const item of channel.item) {
      expect(item.title).toMatch(/T1059\.001/);
      expect(item.link).toMatch(/^http.*\/techniques\/T1059\.001\//);
      expect(item.guid["#text"]).toMatch(/^urn:uuid:[0-9a-f-]{36}#v\d+$/);
      expect(new Date(item.pubDate).toString()).not.toBe("Invalid Date");
      expect(item.description).toMatch(/^v\d+ \(\d{4}-\d{2}-\d{2}\): /);
      expect(item.description).toMatch(/made against ATT&CK v\d+\.\d+/);
    }
  });

  it("Atom has id, title, updated, self link and entries with id, title, updated and link", async () => {
    const doc = await xml(atom());
    const feed = doc.feed;
    expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    for (const field of ["id", "title", "updated"]) expect(feed[field], field).toBeTruthy();
    expect(feed.entry.length).toBe(2);
    for (const entry of feed.entry) {
      for (const field of ["id", "title", "updated", "summary"]) expect(entry[field], field).toBeTruthy();
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(entry.link["@_href"]).toMatch(/\/techniques\/T1059\.001\//);
    }
  });

  it("JSON Feed 1.1 has version, title and items with id and content", async () => {
    const text = await jsonFeed().text();
    expect(text).not.toMatch(CANARY);
    const feed = JSON.parse(text);
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBeTruthy();
    expect(feed.items).toHaveLength(2);
    for (const item of feed.items) {
      expect(item.id).toEqual(expect.any(String));
      expect(item.content_text).toEqual(expect.any(String));
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
  });

  it("notes when a mapping lags the ATT&CK version the rest of the corpus uses", async () => {
    const { attackNote, compareAttackVersions } = await import("@/lib/feeds/items");
    expect(compareAttackVersions("9.0", "18.1")).toBeLessThan(0);
    expect(compareAttackVersions("18.1", "18.1")).toBe(0);
    expect(attackNote("T1", "X", "18.1", "18.1")).toBe("ATT&CK mapping: T1 X, made against ATT&CK v18.1.");
    expect(attackNote("T1", "X", "17.0", "18.1")).toMatch(
      /moved to ATT&CK v18\.1; this one has not been reviewed/,
    );
  });

  it("escapes markup in titles and summaries", async () => {
    const { escapeXml } = await import("@/lib/feeds/render");
    expect(escapeXml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  });
});
