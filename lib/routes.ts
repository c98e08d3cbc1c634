// Every public URL the site builds, in one place, so links and the sitemap never drift apart.
export const routes = {
  home: () => "/",
  techniques: () => "/techniques",
  technique: (id: string) => `/techniques/${id}`,
  detection: (id: string, platform: string) => `/techniques/${id}/${platform}`,
  detectionSamples: (id: string, platform: string) => `/techniques/${id}/${platform}/samples.json`,
  apiDetection: (detectionId: string) => `/api/v1/detections/${detectionId}`,
  platforms: () => "/platforms",
  platform: (id: string) => `/platforms/${id}`,
  sigma: (id: string) => `/sigma/${id}.yml`,
  pricing: () => "/pricing",
  matrix: (platform?: string) => (platform ? `/matrix/${platform}` : "/matrix"),
  navigatorLayer: (kind: "coverage" | "gaps", platform?: string) =>
    `/navigator/${kind}.json${platform ? `?platform=${encodeURIComponent(platform)}` : ""}`,
  search: (query?: string) => (query ? `/search?q=${encodeURIComponent(query)}` : "/search"),
  searchIndex: () => "/search-index.json",
  sigmaConverter: () => "/tools/sigma",
} as const;
