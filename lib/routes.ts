// Every public URL the site builds, in one place, so links and the sitemap never drift apart.
export const routes = {
  home: () => "/",
  techniques: () => "/techniques",
  technique: (id: string) => `/techniques/${id}`,
  detection: (id: string, platform: string) => `/techniques/${id}/${platform}`,
  platforms: () => "/platforms",
  platform: (id: string) => `/platforms/${id}`,
  sigma: (id: string) => `/sigma/${id}.yml`,
  pricing: () => "/pricing",
  sigmaConverter: () => "/tools/sigma",
} as const;
