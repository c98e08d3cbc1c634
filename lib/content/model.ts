// The typed shape of loaded content. Public pages read only these types; Pro bodies are not part of them.
import type {
  DataSource,
  DetectionFrontmatter,
  PlatformInfo,
  ProSectionId,
  ProSectionInfo,
  Samples,
  TechniqueFrontmatter,
} from "@/lib/content/schema";
import type { SigmaRule } from "@/lib/sigma/schema";
import type { PlatformSamples } from "@/lib/content/platform-samples";

export type Detection = DetectionFrontmatter & {
  /** Markdown/MDX: what each clause of the query catches. */
  explanation: string;
  file: string;
};

export type SigmaFile = {
  rule: SigmaRule;
  /** The file exactly as committed: what the download serves. */
  source: string;
  file: string;
};

export type Technique = TechniqueFrontmatter & {
  /** Markdown/MDX summary of the adversary behaviour. */
  summary: string;
  sigma: SigmaFile;
  /** samples.yml: true-positive and benign events for the Sigma rule, or null if none yet. */
  samples: Samples | null;
  /** platform-samples/<platform>.yml by platform id: events in the platform's own shape. */
  platformSamples: Record<string, PlatformSamples>;
  /** In platform registry order. */
  detections: Detection[];
  /** Which Pro sections exist for this technique (names only; bodies stay on disk). */
  proSections: ProSectionId[];
};

export type Catalog = {
  platforms: PlatformInfo[];
  dataSources: Map<string, DataSource>;
  proSections: ProSectionInfo[];
  /** Sorted by ATT&CK id. */
  techniques: Technique[];
};
