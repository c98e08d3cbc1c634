import path from "node:path";

/** Where content lives. CONTENT_DIR lets content:check and tests point at another tree. */
export function contentDir(): string {
  const configured = process.env.CONTENT_DIR;
  return configured
    ? path.resolve(/*turbopackIgnore: true*/ configured)
    : path.join(process.cwd(), "content");
}
