// Server-side access to the ATT&CK catalogue for pages and route handlers, loaded once per process.
import "server-only";
import { loadAttackCatalogue } from "@/lib/attack/catalogue";
import type { AttackCatalogue } from "@/lib/attack/catalogue-schema";
import { getCatalog } from "@/lib/content/catalog";

let loaded: AttackCatalogue | undefined;

export function getAttackCatalogue(): AttackCatalogue {
  loaded ??= loadAttackCatalogue(getCatalog());
  return loaded;
}
