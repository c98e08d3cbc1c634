import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // The leak tests build the fixture corpus into a directory of its own (playwright.leaks.config.ts).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Next hashes every answer's whole body for its ETag; scripts/serve.mjs tags prerendered pages
  // by build and path instead (scripts/prerender-etags.mjs), at a fraction of the cost.
  generateEtags: false,
  reactStrictMode: true,
  // PGlite loads its Wasm and data files from its own package directory at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  // Our only actions are the demo billing forms (a field or two); proxy.ts refuses larger
  // declared bodies first, this caps chunked ones.
  experimental: { serverActions: { bodySizeLimit: "64kb" } },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "production") }];
  },
};

export default nextConfig;
