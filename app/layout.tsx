import type { Metadata } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { SiteFooter } from "@/components/site-footer";
import { SITE } from "@/lib/site";
import { socialImage } from "@/lib/social-cards";
import { feedPaths } from "@/lib/feeds/paths";

export const metadata: Metadata = {
  metadataBase: new URL(SITE.url),
  title: { default: `${SITE.name}: ${SITE.tagline}`, template: `%s | ${SITE.name}` },
  description:
    "Detection queries for MITRE ATT&CK techniques in Elastic, Splunk, Sentinel, Defender XDR, Google SecOps and LogScale, with portable Sigma rules, tuning advice and test methods.",
  // Pages that set openGraph replace this object, so each names its own card (lib/social-cards.ts).
  openGraph: { siteName: SITE.name, type: "website", images: socialImage("home") },
  twitter: { card: "summary_large_image" },
};

// Runs before first paint so the saved or system theme applies without a flash.
const THEME_SCRIPT = `try{var t=localStorage.getItem("theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        <link
          rel="alternate"
          type="application/rss+xml"
          title={`${SITE.name} detections (RSS)`}
          href={feedPaths.rss}
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={`${SITE.name} detections (Atom)`}
          href={feedPaths.atom}
        />
        <link
          rel="alternate"
          type="application/feed+json"
          title={`${SITE.name} detections (JSON Feed)`}
          href={feedPaths.json}
        />
      </head>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-20 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
