// The API reference, rendered from the same OpenAPI document the API serves, plus how keys,
// caching, errors, exports, feeds and the licence work.
import type { Metadata } from "next";
import Link from "next/link";
import { openApiDocument } from "@/lib/api/openapi";
import { STATUS } from "@/lib/api/errors";
import { KEY_PREFIX } from "@/lib/access/api-keys";
import { feedPaths } from "@/lib/feeds/paths";
import { LICENCE } from "@/lib/licence";
import { PRO_PACK_IDS } from "@/lib/export/pack-ids";
import { absoluteUrl } from "@/lib/site";

export const metadata: Metadata = {
  title: "API, exports and feeds",
  description:
    "The Detection Atlas JSON API v1, OpenAPI document, API keys, SIEM export packs, feeds and licence.",
  alternates: { canonical: "/docs/api" },
};
export const dynamic = "force-static";

type Parameter = {
  name: string;
  in: string;
  description: string;
  schema: { type?: string; enum?: string[] };
};
type Operation = {
  summary: string;
  parameters: Parameter[];
  responses: Record<string, { description: string }>;
};

const h2 = "mt-10 mb-3 text-xl font-semibold";
const table =
  "w-full text-left text-sm [&_td]:border-t [&_td]:border-slate-200 [&_td]:py-1 [&_td]:pr-4 dark:[&_td]:border-slate-800";

export default function ApiDocsPage() {
  const doc = openApiDocument();
  const base = doc.servers[0]!.url;
  return (
    <article className="max-w-4xl">
      <h1 className="text-2xl font-bold tracking-tight">API, exports and feeds</h1>
      <p className="mt-3">
        Pull detections into your repositories and CI. The API is read-only JSON under <code>{base}</code>,
        described by an OpenAPI 3.1 document at{" "}
        <a className="underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>{" "}
        (generated from the schemas that validate every response).
      </p>

      <h2 className={h2}>Authentication and Pro</h2>
      <p>
        Without a key you get every public field. With a Pro API key (
        <code>Authorization: Bearer {KEY_PREFIX}…</code>, created on your{" "}
        <Link className="underline" href="/account">
          account page
        </Link>
        ) responses also carry the Pro sections (<code>pro</code>) and <code>meta.pro</code> is true.
        Entitlement is checked on every request: when a subscription ends, its keys stop returning Pro at
        once. Each key may make a limited number of requests a minute; past it the API answers 429 with{" "}
        <code>Retry-After</code>.
      </p>

      <h2 className={h2}>Endpoints</h2>
      {Object.entries(doc.paths).map(([path, item]) => {
        const op = (item as unknown as { get: Operation }).get;
        return (
          <section key={path} className="mt-6">
            <h3 className="font-mono text-base font-semibold">GET {path}</h3>
            <p className="mt-1">{op.summary}.</p>
            {op.parameters.length > 0 && (
              <table className={`${table} mt-2`}>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={p.name}>
                      <td className="font-mono">{p.name}</td>
                      <td>{p.in}</td>
                      <td>
                        {p.description}
                        {p.schema.enum && (
                          <span className="text-slate-600 dark:text-slate-400">
                            {" "}
                            One of: {p.schema.enum.join(", ")}.
                          </span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
              Responses: {Object.keys(op.responses).join(", ")}.
            </p>
          </section>
        );
      })}
      <pre className="mt-4 overflow-x-auto rounded bg-slate-100 p-3 text-sm dark:bg-slate-900">
        {`curl -s "${base}/detections?platform=splunk&severity=high&limit=20"\ncurl -s -H "Authorization: Bearer $ATLAS_KEY" "${base}/techniques/T1059.001"`}
      </pre>

      <h2 className={h2}>Paging, caching and errors</h2>
      <p>
        Lists return <code>nextCursor</code>; pass it back as <code>cursor</code> with the same filters (a
        cursor from other filters is a 400). Every 200 carries an <code>ETag</code>; send it in{" "}
        <code>If-None-Match</code> to get 304 when nothing changed. Anonymous answers are{" "}
        <code>public, max-age=300</code>; keyed answers <code>private, no-store</code>. Errors are JSON{" "}
        <code>{`{"error": {"code", "message"}}`}</code> with these stable codes:
      </p>
      <table className={`${table} mt-2`}>
        <tbody>
          {Object.entries(STATUS).map(([code, status]) => (
            <tr key={code}>
              <td className="font-mono">{code}</td>
              <td>{status}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className={h2}>Exports</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <a className="underline" href="/api/v1/exports/sigma.zip">
            Sigma collection
          </a>{" "}
          (everyone): every Sigma rule, an <code>index.json</code> and the licence.
        </li>
        <li>
          Pro platform packs, for a signed-in Pro user or a Pro key:{" "}
          {PRO_PACK_IDS.map((id) => `/api/v1/exports/${id}.zip`).join(", ")}. Elastic NDJSON for the rules
          import API, Splunk <code>savedsearches.conf</code>, Sentinel analytics rule YAML, Defender XDR
          queries with Graph rule bodies, SecOps YARA-L files and LogScale saved queries, each with a README
          on importing it.
        </li>
      </ul>

      <h2 className={h2}>Feeds</h2>
      <p>
        New and changed detections with their changelog line and ATT&CK version:{" "}
        <a className="underline" href={feedPaths.rss}>
          RSS
        </a>
        ,{" "}
        <a className="underline" href={feedPaths.atom}>
          Atom
        </a>
        ,{" "}
        <a className="underline" href={feedPaths.json}>
          JSON Feed
        </a>{" "}
        ({absoluteUrl(feedPaths.rss)}).
      </p>

      <h2 className={h2} id="licence">
        Licence
      </h2>
      <p>
        Detection rules (queries and Sigma rules) are licensed under the{" "}
        <a className="underline" href={LICENCE.rules.url}>
          {LICENCE.rules.name}
        </a>
        ; descriptions and other prose under{" "}
        <a className="underline" href={LICENCE.content.url}>
          {LICENCE.content.name}
        </a>
        . {LICENCE.pro} The API states the licences in every response&apos;s <code>meta.licence</code>, and
        every export carries a LICENSE file.
      </p>
    </article>
  );
}
