// The Pro export packs by platform id. Each is built from the same content as the pages.
import "server-only";
import { defenderPack } from "@/lib/export/packs/defender-xdr";
import { elasticPack } from "@/lib/export/packs/elastic";
import { logscalePack } from "@/lib/export/packs/logscale";
import { secopsPack } from "@/lib/export/packs/secops";
import { sentinelPack } from "@/lib/export/packs/sentinel";
import { splunkPack } from "@/lib/export/packs/splunk";
import type { ExportFiles } from "@/lib/export/zip";
import type { PRO_PACK_IDS } from "@/lib/export/pack-ids";

export const PRO_PACKS: Record<(typeof PRO_PACK_IDS)[number], () => ExportFiles> = {
  elastic: elasticPack,
  splunk: splunkPack,
  sentinel: sentinelPack,
  "defender-xdr": defenderPack,
  secops: secopsPack,
  logscale: logscalePack,
};
