import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Pages are prerendered at build time from content/; nothing here should be fetched remotely.
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
