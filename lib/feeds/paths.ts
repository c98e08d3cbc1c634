// Feed URLs, for the routes and the <link rel="alternate"> in every page's head.
export const feedPaths = {
  rss: "/feeds/rss.xml",
  atom: "/feeds/atom.xml",
  json: "/feeds/feed.json",
} as const;
