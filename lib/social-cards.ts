// One social-card image per page type (app/social/[card]/route.tsx renders them at build time).
export const SOCIAL_CARDS = {
  home: {
    title: "Detection Atlas",
    subtitle: "Detections for every ATT&CK technique, in your SIEM's own language",
  },
  detection: {
    title: "Detection query",
    subtitle: "Query, tuning advice, test methods and the portable Sigma rule",
  },
  technique: {
    title: "ATT&CK technique",
    subtitle: "Detections on every platform we cover, with Sigma and tests",
  },
  matrix: {
    title: "ATT&CK coverage matrix",
    subtitle: "Which Enterprise techniques have detections, and where",
  },
  pricing: {
    title: "Detection Atlas Pro",
    subtitle: "Response playbooks, investigation queries and test commands",
  },
} as const;

export type SocialCard = keyof typeof SOCIAL_CARDS;
export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

/** The openGraph.images entry for a page type (relative: resolved against metadataBase, SITE_URL). */
export function socialImage(card: SocialCard) {
  return [{ url: `/social/${card}.png`, ...SOCIAL_CARD_SIZE, alt: SOCIAL_CARDS[card].title }];
}
