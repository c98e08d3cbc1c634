import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // The Sigma engine, backends and pipelines know no catalog, HTTP or database, so they can ship
    // as a package of their own; what joins them to content or requests lives in lib/sigma-service.
    files: ["lib/sigma/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/(?!lib/sigma/)",
              message:
                "lib/sigma imports only lib/sigma; put catalog, HTTP or database code in lib/sigma-service.",
            },
            {
              regex: "^(next|react|server-only|@prisma|better-auth|stripe|pg|@electric-sql)(/|$)",
              message: "lib/sigma imports no framework, HTTP or database package.",
            },
            { regex: "^\\.\\./\\.\\./", message: "lib/sigma imports only lib/sigma." },
          ],
        },
      ],
    },
  },
  {
    ignores: [
      // Every dist dir: .next, and the leak, fault and benchmark builds beside it.
      ".next*/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      ".data/**",
      "lib/db/generated/**",
    ],
  },
];

export default config;
