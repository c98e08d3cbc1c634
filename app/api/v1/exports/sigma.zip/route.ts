import { sigmaCollectionFiles } from "@/lib/export/sigma-collection";
import { zipFiles } from "@/lib/export/zip";

// Public rules only, and they change only with a build.
export const dynamic = "force-static";

export function GET() {
  return new Response(Buffer.from(zipFiles(sigmaCollectionFiles())), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": 'attachment; filename="detection-atlas-sigma.zip"',
      "cache-control": "public, max-age=3600",
    },
  });
}
