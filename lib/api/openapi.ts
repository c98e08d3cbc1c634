// The OpenAPI 3.1 document, generated from the zod schemas that validate the responses.
import { z } from "zod";
import { apiSchemas } from "@/lib/api/schemas";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/api/query";
import { LICENCE } from "@/lib/licence";
import { SITE } from "@/lib/site";
import { TACTIC_SHORT_NAMES } from "@/lib/attack/tactics";
import { SEVERITIES } from "@/lib/content/schema";
import { PUBLIC_MAX_AGE_SECONDS } from "@/lib/api/respond";

type Schema = Record<string, unknown>;

function componentSchemas(): Record<string, Schema> {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    target: "draft-2020-12",
    io: "output",
    uri: (id) => `#/components/schemas/${id}`,
  });
  // OpenAPI resolves references against the document; per-schema $id/$schema would rebase them.
  const out: Record<string, Schema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const copy: Schema = { ...schema };
    delete copy.$schema;
    delete copy.$id;
    out[id] = copy;
  }
  return out;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string) => ({ content: { "application/json": { schema: ref(id) } } });

const ERROR_RESPONSES = {
  "400": {
    description: "A parameter or the cursor is invalid (`invalid_parameter`, `invalid_cursor`).",
    ...json("Error"),
  },
  "401": { description: "The API key is malformed, unknown or revoked (`invalid_key`).", ...json("Error") },
  "405": { description: "Only GET and HEAD (`method_not_allowed`).", ...json("Error") },
  "413": { description: "The request is too large (`request_too_large`).", ...json("Error") },
  "429": {
    description: "The key's per-minute limit is used up (`rate_limited`); see Retry-After.",
    headers: {
      "Retry-After": { schema: { type: "integer" }, description: "Seconds until the window resets." },
    },
    ...json("Error"),
  },
};

const OK_HEADERS = {
  ETag: { schema: { type: "string" }, description: "Send back in If-None-Match to get 304 when unchanged." },
  "Cache-Control": {
    schema: { type: "string" },
    description: `\`public, max-age=${PUBLIC_MAX_AGE_SECONDS}\` without a key, \`private, no-store\` with one.`,
  },
};
const NOT_MODIFIED = { description: "Not modified (If-None-Match matched the ETag).", headers: OK_HEADERS };

function query(name: string, description: string, schema: Schema) {
  return { name, in: "query", required: false, description, schema };
}

const LIST_PARAMETERS = [
  query("tactic", "ATT&CK tactic short name.", { type: "string", enum: [...TACTIC_SHORT_NAMES] }),
  query("platform", "Platform id, e.g. `elastic`, `splunk`, `sentinel`.", { type: "string" }),
  query("severity", "Detection severity.", { type: "string", enum: [...SEVERITIES] }),
  query("data_source", "Data source id, e.g. `sysmon`.", { type: "string" }),
  query("updated_since", "Only items updated on or after this date.", { type: "string", format: "date" }),
  query("limit", `Page size, 1-${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`, {
    type: "integer",
    minimum: 1,
    maximum: MAX_LIMIT,
  }),
  query("cursor", "The `nextCursor` of the previous page, with the same filters.", { type: "string" }),
];

function get(summary: string, okSchema: string, parameters: Schema[], extra: Record<string, Schema> = {}) {
  return {
    get: {
      summary,
      parameters,
      responses: {
        "200": { description: "OK", headers: OK_HEADERS, ...json(okSchema) },
        "304": NOT_MODIFIED,
        ...ERROR_RESPONSES,
        ...extra,
      },
    },
  };
}

const idParameter = (description: string) => ({
  name: "id",
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});
const NOT_FOUND = { "404": { description: "No such item (`not_found`).", ...json("Error") } };

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: `${SITE.name} API`,
      version: "1.0.0",
      description:
        "Detections for MITRE ATT&CK techniques as data. Anonymous callers get the public fields; " +
        "a Pro API key (`Authorization: Bearer da_live_…`) also gets the Pro sections.",
      license: {
        name: `${LICENCE.rules.name} (rules); ${LICENCE.content.name} (prose)`,
        url: LICENCE.rules.url,
      },
    },
    servers: [{ url: `${SITE.url}/api/v1` }],
    security: [{}, { apiKey: [] }],
    paths: {
      "/techniques": get("List techniques", "TechniqueList", LIST_PARAMETERS),
      "/techniques/{id}": get(
        "One technique with its detections",
        "TechniqueResponse",
        [idParameter("ATT&CK id, e.g. T1059.001")],
        NOT_FOUND,
      ),
      "/detections": get("List detections", "DetectionList", LIST_PARAMETERS),
      "/detections/{id}": get(
        "One detection with query, deployment, tuning and Sigma rule",
        "DetectionResponse",
        [idParameter("Detection UUID")],
        NOT_FOUND,
      ),
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key from your account page (Pro)." },
      },
    },
  };
}
