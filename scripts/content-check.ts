// Validates everything under content/ (or CONTENT_DIR / the first argument) and compiles every
// MDX body, printing each problem as "file: field: reason". Exit 1 on any problem; runs before build.
import path from "node:path";
import { loadContent } from "@/lib/content/load";
import { ContentError } from "@/lib/content/errors";
import { contentDir } from "@/lib/content/location";
import { checkMdxBodies } from "@/lib/content/check-mdx";

async function main() {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : contentDir();
  try {
    const catalog = loadContent(dir);
    const mdxIssues = await checkMdxBodies(dir, catalog);
    if (mdxIssues.length > 0) throw new ContentError(mdxIssues);
    const detections = catalog.techniques.reduce((n, t) => n + t.detections.length, 0);
    console.log(
      `content ok: ${catalog.techniques.length} techniques, ${detections} detections, ` +
        `${catalog.platforms.length} platforms, ${catalog.dataSources.size} data sources (${dir})`,
    );
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

await main();
