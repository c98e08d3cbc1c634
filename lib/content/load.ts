// The one content loader: turns content/** into a validated, typed Catalog or throws a
// ContentError listing every problem (file, field, reason). Pure Node; no Next.js imports,
// so the content:check script and unit tests use it directly.
import path from "node:path";
import fs from "node:fs";
import { ContentError, type ContentIssue } from "@/lib/content/errors";
import { listDir, parseYaml, readText, splitFrontmatter, validate } from "@/lib/content/files";
import type { Catalog, Detection, SigmaFile, Technique } from "@/lib/content/model";
import {
  PRO_SECTIONS,
  dataSourceSchema,
  detectionFrontmatterSchema,
  platformRegistrySchema,
  proFrontmatterSchema,
  proSectionRegistrySchema,
  techniqueFrontmatterSchema,
  type DataSource,
  type PlatformInfo,
  type ProSectionId,
  samplesSchema,
  type Samples,
} from "@/lib/content/schema";
import { sigmaRuleSchema } from "@/lib/sigma/schema";
import {
  platformSamplesSchema,
  toPlatformSamples,
  type PlatformSamples,
} from "@/lib/content/platform-samples";
import { TECHNIQUE_ID_PATTERN } from "@/lib/attack/technique-id";

const TECHNIQUE_FILES = new Set([
  "technique.mdx",
  "sigma.yml",
  "samples.yml",
  "platform-samples",
  "detections",
  "pro",
]);

export function loadContent(contentDir: string): Catalog {
  const issues: ContentIssue[] = [];
  const ctx = new LoadContext(contentDir, issues);

  const platforms = ctx.loadPlatforms();
  const dataSources = ctx.loadDataSources();
  const proSections = ctx.loadProSectionRegistry();
  const techniques: Technique[] = [];
  for (const folder of listDir(path.join(contentDir, "techniques"))) {
    const technique = ctx.loadTechnique(folder, platforms, dataSources);
    if (technique) techniques.push(technique);
  }
  ctx.checkUniqueIds(techniques);

  if (issues.length > 0) throw new ContentError(issues);
  techniques.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
  return { platforms, dataSources, proSections, techniques };
}

class LoadContext {
  constructor(
    private readonly root: string,
    private readonly issues: ContentIssue[],
  ) {}

  private rel(...parts: string[]) {
    return path.posix.join(...parts);
  }

  private issue(file: string, field: string, reason: string) {
    this.issues.push({ file, field, reason });
  }

  private readYamlFile(file: string): unknown {
    const abs = path.join(this.root, file);
    if (!fs.existsSync(abs)) {
      this.issue(file, "(file)", "file is missing");
      return undefined;
    }
    const parsed = parseYaml(readText(abs), file, this.issues);
    return parsed.ok ? parsed.value : undefined;
  }

  loadPlatforms(): PlatformInfo[] {
    const file = "registry/platforms.yml";
    const data = this.readYamlFile(file);
    if (data === undefined) return [];
    const result = validate(platformRegistrySchema, data, file, this.issues);
    if (!result.ok) return [];
    const seen = new Set<string>();
    result.value.forEach((p, i) => {
      if (seen.has(p.id)) this.issue(file, `[${i}].id`, `duplicate platform id "${p.id}"`);
      seen.add(p.id);
    });
    return result.value;
  }

  loadDataSources(): Map<string, DataSource> {
    const sources = new Map<string, DataSource>();
    for (const name of listDir(path.join(this.root, "registry/data-sources"))) {
      const file = this.rel("registry/data-sources", name);
      if (!name.endsWith(".yml")) {
        this.issue(file, "(file)", "data source files must end in .yml");
        continue;
      }
      const data = this.readYamlFile(file);
      const result = validate(dataSourceSchema, data, file, this.issues);
      if (!result.ok) continue;
      if (result.value.id !== name.slice(0, -4))
        this.issue(file, "id", `must equal the file name "${name.slice(0, -4)}"`);
      sources.set(result.value.id, result.value);
    }
    return sources;
  }

  loadProSectionRegistry() {
    const file = "registry/pro-sections.yml";
    const result = validate(proSectionRegistrySchema, this.readYamlFile(file), file, this.issues);
    return result.ok ? result.value : [];
  }

  loadTechnique(
    folder: string,
    platforms: PlatformInfo[],
    dataSources: Map<string, DataSource>,
  ): Technique | null {
    const dir = this.rel("techniques", folder);
    if (!TECHNIQUE_ID_PATTERN.test(folder)) {
      this.issue(dir, "(folder)", "technique folders must be named by ATT&CK id, e.g. T1059.001");
      return null;
    }
    for (const entry of listDir(path.join(this.root, dir))) {
      if (!TECHNIQUE_FILES.has(entry))
        this.issue(
          this.rel(dir, entry),
          "(file)",
          `unexpected file; a technique folder holds ${[...TECHNIQUE_FILES].join(", ")}`,
        );
    }

    const techniqueFile = this.rel(dir, "technique.mdx");
    const detections = this.loadDetections(folder, platforms, dataSources);
    const proSections = this.loadProFiles(folder);
    if (!fs.existsSync(path.join(this.root, techniqueFile))) {
      for (const d of detections)
        this.issue(
          d.file,
          "technique",
          `detection for ${folder} has no technique file: create ${techniqueFile}`,
        );
      if (detections.length === 0) this.issue(techniqueFile, "(file)", "file is missing");
      return null;
    }
    const split = splitFrontmatter(readText(path.join(this.root, techniqueFile)), techniqueFile, this.issues);
    if (!split.ok) return null;
    const fm = validate(techniqueFrontmatterSchema, split.value.data, techniqueFile, this.issues);
    const sigma = this.loadSigma(folder);
    const samples = this.loadSamples(folder);
    const platformSamples = this.loadPlatformSamples(folder, platforms, detections);
    if (!fm.ok || !sigma) return null;
    const t = fm.value;
    if (t.id !== folder) this.issue(techniqueFile, "id", `must equal the folder name "${folder}"`);
    if (!split.value.body)
      this.issue(techniqueFile, "(body)", "the summary (body after the frontmatter) is empty");
    if (t.related.includes(t.id))
      this.issue(techniqueFile, "related", "a technique cannot be related to itself");
    const platformIds = new Set(platforms.map((p) => p.id));
    t.platform_gaps.forEach((gap, i) => {
      if (!platformIds.has(gap.platform))
        this.issue(techniqueFile, `platform_gaps[${i}].platform`, `unknown platform "${gap.platform}"`);
      if (detections.some((d) => d.platform === gap.platform))
        this.issue(
          techniqueFile,
          `platform_gaps[${i}].platform`,
          `"${gap.platform}" has a detection, so it is not a gap`,
        );
    });
    const order = platforms.map((p) => p.id);
    detections.sort((a, b) => order.indexOf(a.platform) - order.indexOf(b.platform));
    return { ...t, summary: split.value.body, sigma, samples, platformSamples, detections, proSections };
  }

  /** Optional while the corpus grows; when present it must hold both kinds of event. */
  private loadSamples(techniqueId: string): Samples | null {
    const file = this.rel("techniques", techniqueId, "samples.yml");
    const abs = path.join(this.root, file);
    if (!fs.existsSync(abs)) return null;
    const parsed = parseYaml(readText(abs), file, this.issues);
    if (!parsed.ok) return null;
    const result = validate(samplesSchema, parsed.value, file, this.issues);
    return result.ok ? result.value : null;
  }

  /** platform-samples/<platform>.yml: one file per platform that has a detection here. */
  private loadPlatformSamples(
    techniqueId: string,
    platforms: PlatformInfo[],
    detections: Detection[],
  ): Record<string, PlatformSamples> {
    const dir = this.rel("techniques", techniqueId, "platform-samples");
    const out: Record<string, PlatformSamples> = {};
    for (const name of listDir(path.join(this.root, dir))) {
      const file = this.rel(dir, name);
      const platform = name.replace(/\.yml$/, "");
      if (!name.endsWith(".yml") || !platforms.some((p) => p.id === platform)) {
        this.issue(
          file,
          "(file)",
          `platform sample files are named <platform id>.yml (${platforms.map((p) => p.id).join(", ")})`,
        );
        continue;
      }
      if (!detections.some((d) => d.platform === platform))
        this.issue(
          file,
          "(file)",
          `there is no ${platform} detection for ${techniqueId} to evaluate these events against`,
        );
      const result = validate(platformSamplesSchema, this.readYamlFile(file), file, this.issues);
      if (result.ok) out[platform] = toPlatformSamples(result.value, file);
    }
    return out;
  }

  private loadSigma(techniqueId: string): SigmaFile | null {
    const file = this.rel("techniques", techniqueId, "sigma.yml");
    const abs = path.join(this.root, file);
    if (!fs.existsSync(abs)) {
      this.issue(file, "(file)", "every technique needs a portable Sigma rule");
      return null;
    }
    const source = readText(abs);
    const parsed = parseYaml(source, file, this.issues);
    if (!parsed.ok) return null;
    const result = validate(sigmaRuleSchema, parsed.value, file, this.issues);
    if (!result.ok) return null;
    const tag = `attack.${techniqueId.toLowerCase()}`;
    if (!result.value.tags.includes(tag)) this.issue(file, "tags", `must include "${tag}"`);
    return { rule: result.value, source, file };
  }

  private loadDetections(
    techniqueId: string,
    platforms: PlatformInfo[],
    dataSources: Map<string, DataSource>,
  ): Detection[] {
    const dir = this.rel("techniques", techniqueId, "detections");
    const detections: Detection[] = [];
    for (const name of listDir(path.join(this.root, dir))) {
      const file = this.rel(dir, name);
      if (!name.endsWith(".mdx")) {
        this.issue(file, "(file)", "detection files must be <platform id>.mdx");
        continue;
      }
      const split = splitFrontmatter(readText(path.join(this.root, file)), file, this.issues);
      if (!split.ok) continue;
      const result = validate(detectionFrontmatterSchema, split.value.data, file, this.issues);
      if (!result.ok) continue;
      const d = result.value;
      const platform = platforms.find((p) => p.id === d.platform);
      if (d.platform !== name.slice(0, -4))
        this.issue(file, "platform", `must equal the file name "${name.slice(0, -4)}"`);
      if (!platform)
        this.issue(file, "platform", `unknown platform "${d.platform}" (see registry/platforms.yml)`);
      else if (!platform.languages.includes(d.language))
        this.issue(
          file,
          "language",
          `"${d.language}" is not a language of ${platform.name} (${platform.languages.join(", ")})`,
        );
      if (d.technique !== techniqueId)
        this.issue(file, "technique", `must equal the folder's technique "${techniqueId}"`);
      d.data_sources.forEach((id, i) => {
        if (!dataSources.has(id))
          this.issue(
            file,
            `data_sources[${i}]`,
            `unknown data source "${id}": add registry/data-sources/${id}.yml`,
          );
      });
      if (!split.value.body)
        this.issue(file, "(body)", "the explanation (body after the frontmatter) is empty");
      detections.push({ ...d, explanation: split.value.body, file });
    }
    return detections;
  }

  /** Validates Pro files but keeps only which sections exist: their text never enters the catalog. */
  private loadProFiles(techniqueId: string): ProSectionId[] {
    const dir = this.rel("techniques", techniqueId, "pro");
    const present: ProSectionId[] = [];
    for (const name of listDir(path.join(this.root, dir))) {
      const file = this.rel(dir, name);
      const section = name.replace(/\.mdx$/, "");
      if (!name.endsWith(".mdx") || !(PRO_SECTIONS as readonly string[]).includes(section)) {
        this.issue(file, "(file)", `Pro files are named ${PRO_SECTIONS.map((s) => `${s}.mdx`).join(", ")}`);
        continue;
      }
      const split = splitFrontmatter(readText(path.join(this.root, file)), file, this.issues);
      if (!split.ok) continue;
      const result = validate(proFrontmatterSchema, split.value.data, file, this.issues);
      if (!result.ok) continue;
      if (result.value.section !== section)
        this.issue(file, "section", `must equal the file name "${section}"`);
      if (result.value.technique !== techniqueId)
        this.issue(file, "technique", `must equal the folder's technique "${techniqueId}"`);
      if (!split.value.body) this.issue(file, "(body)", "the section body is empty");
      present.push(section as ProSectionId);
    }
    return PRO_SECTIONS.filter((s) => present.includes(s));
  }

  /** Detection and Sigma rule ids are stable public identities: one id, one thing. */
  checkUniqueIds(techniques: Technique[]) {
    const owners = new Map<string, string>();
    const claim = (id: string, file: string, field: string) => {
      const key = id.toLowerCase();
      const owner = owners.get(key);
      if (owner) this.issue(file, field, `duplicate id ${id}, already used by ${owner}`);
      else owners.set(key, file);
    };
    for (const t of techniques) {
      claim(t.sigma.rule.id, t.sigma.file, "id");
      for (const d of t.detections) claim(d.id, d.file, "id");
    }
  }
}
