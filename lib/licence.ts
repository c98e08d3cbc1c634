// The licences of what we publish, stated once and repeated in the site footer, the API's
// metadata, every export and the feeds. Rules (queries and Sigma) use the Detection Rule License,
// written for exactly this: free to use in any SIEM, commercial or not, with attribution.
// Prose is CC BY-SA 4.0. Pro sections are for subscribers and are not licensed for redistribution.
export const LICENCE = {
  rules: {
    id: "DRL-1.1",
    name: "Detection Rule License 1.1",
    url: "https://github.com/Neo23x0/sigma/blob/master/LICENSE.Detection.Rules.md",
  },
  content: {
    id: "CC-BY-SA-4.0",
    name: "Creative Commons Attribution-ShareAlike 4.0",
    url: "https://creativecommons.org/licenses/by-sa/4.0/",
  },
  pro: "Pro sections are licensed to subscribers for their own use and may not be redistributed.",
} as const;

export const LICENCE_SUMMARY =
  `Detection rules (queries and Sigma rules) are licensed under the ${LICENCE.rules.name} (${LICENCE.rules.url}); ` +
  `descriptions and other prose under ${LICENCE.content.name} (${LICENCE.content.url}). ${LICENCE.pro}`;
