// The one Prisma client, created on first use with the driver adapter chosen by configuration.
// Lazy, so that building the static site never opens a database.
import "server-only";
import { PrismaClient } from "@/lib/db/generated/client";
import { createAdapter } from "@/lib/db/adapter";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Reused across hot reloads in development so PGlite is opened once per process. */
export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({ adapter: createAdapter() });
  return globalForPrisma.prisma;
}
