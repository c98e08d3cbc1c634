// RSS 2.0, Atom 1.0 and JSON Feed 1.1 from the same entries.
import type { FeedItem } from "@/lib/feeds/items";
import { LICENCE, LICENCE_SUMMARY } from "@/lib/licence";
import { SITE, absoluteUrl } from "@/lib/site";

export type FeedInfo = { items: FeedItem[]; attackVersions: string[] };

const TITLE = `${SITE.name}: new and changed detections`;

function description(info: FeedInfo): string {
  return `New and changed detections, newest first. Mappings made against ATT&CK ${info.attackVersions.map((v) => `v${v}`).join(", ")}. ${LICENCE_SUMMARY}`;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

const rfc822 = (date: string) => new Date(`${date}T00:00:00Z`).toUTCString();
const rfc3339 = (date: string) => `${date}T00:00:00Z`;
const newest = (info: FeedInfo) => info.items.reduce((max, i) => (i.date > max ? i.date : max), "1970-01-01");

export function renderRss(info: FeedInfo, selfPath: string): string {
  const items = info.items
    .map(
      (i) => `    <item>
      <title>${escapeXml(i.title)}</title>
      <link>${escapeXml(i.url)}</link>
      <guid isPermaLink="false">${escapeXml(i.id)}</guid>
      <pubDate>${rfc822(i.date)}</pubDate>
      <description>${escapeXml(i.summary)}</description>
${i.tags.map((t) => `      <category>${escapeXml(t)}</category>`).join("\n")}
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(TITLE)}</title>
    <link>${escapeXml(SITE.url)}/</link>
    <description>${escapeXml(description(info))}</description>
    <language>en</language>
    <copyright>${escapeXml(`${LICENCE.rules.name} (rules); ${LICENCE.content.name} (prose)`)}</copyright>
    <lastBuildDate>${rfc822(newest(info))}</lastBuildDate>
    <atom:link href="${escapeXml(absoluteUrl(selfPath))}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

export function renderAtom(info: FeedInfo, selfPath: string): string {
  const entries = info.items
    .map(
      (i) => `  <entry>
    <title>${escapeXml(i.title)}</title>
    <id>${escapeXml(i.id)}</id>
    <link rel="alternate" type="text/html" href="${escapeXml(i.url)}"/>
    <updated>${rfc3339(i.date)}</updated>
    <summary>${escapeXml(i.summary)}</summary>
${i.tags.map((t) => `    <category term="${escapeXml(t)}"/>`).join("\n")}
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(TITLE)}</title>
  <subtitle>${escapeXml(description(info))}</subtitle>
  <id>${escapeXml(absoluteUrl(selfPath))}</id>
  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(selfPath))}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(SITE.url)}/"/>
  <updated>${rfc3339(newest(info))}</updated>
  <author><name>${escapeXml(SITE.name)}</name></author>
  <rights>${escapeXml(LICENCE_SUMMARY)}</rights>
${entries}
</feed>
`;
}

export function renderJsonFeed(info: FeedInfo, selfPath: string): string {
  return JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: TITLE,
      home_page_url: `${SITE.url}/`,
      feed_url: absoluteUrl(selfPath),
      description: description(info),
      language: "en",
      authors: [{ name: SITE.name }],
      _licence: { rules: LICENCE.rules, content: LICENCE.content, attackVersions: info.attackVersions },
      items: info.items.map((i) => ({
        id: i.id,
        url: i.url,
        title: i.title,
        content_text: i.summary,
        date_published: rfc3339(i.date),
        tags: i.tags,
      })),
    },
    null,
    2,
  );
}
