// What Free and Pro include, derived from the loaded content, so the pricing page never promises
// a section that does not exist or undersells one that does.
import type { Catalog } from "@/lib/content/model";

export type PlanFeature = { name: string; detail: string; free: boolean; pro: boolean };

export function planComparison(catalog: Catalog): PlanFeature[] {
  const { techniques, platforms, proSections } = catalog;
  const detections = techniques.reduce((n, t) => n + t.detections.length, 0);
  const tests = techniques.reduce((n, t) => n + t.tests.length, 0);
  const free: PlanFeature[] = [
    {
      name: "Detection queries",
      detail: `${detections} detections for ${techniques.length} techniques on ${platforms.length} platforms, with data sources, false positives and tuning notes`,
      free: true,
      pro: true,
    },
    {
      name: "Sigma rules",
      detail: `${techniques.length} portable Sigma rules as .yml downloads`,
      free: true,
      pro: true,
    },
    {
      name: "Test descriptions",
      detail: `${tests} tests: what each does and the telemetry it should produce`,
      free: true,
      pro: true,
    },
  ];
  const pro = proSections.map((section) => {
    const count = techniques.filter((t) => t.proSections.includes(section.id)).length;
    return {
      name: section.name,
      detail: `${section.contains} Available for ${count} of ${techniques.length} techniques.`,
      free: false,
      pro: true,
    };
  });
  return [...free, ...pro];
}
