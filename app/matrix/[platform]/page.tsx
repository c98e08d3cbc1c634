import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCatalog, getPlatform } from "@/lib/content/catalog";
import { routes } from "@/lib/routes";
import { socialImage } from "@/lib/social-cards";
import { MatrixPage } from "../_components/matrix-page";

export const dynamicParams = false;

export function generateStaticParams() {
  return getCatalog().platforms.map((p) => ({ platform: p.id }));
}

export async function generateMetadata({ params }: PageProps<"/matrix/[platform]">): Promise<Metadata> {
  const platform = getPlatform((await params).platform);
  if (!platform) return {};
  const title = `ATT&CK coverage on ${platform.name}`;
  return {
    title,
    description: `ATT&CK Enterprise techniques with a Detection Atlas detection for ${platform.name}, and the gaps.`,
    alternates: { canonical: routes.matrix(platform.id) },
    openGraph: { title, url: routes.matrix(platform.id), images: socialImage("matrix") },
  };
}

export default async function Page({ params }: PageProps<"/matrix/[platform]">) {
  const platform = getPlatform((await params).platform);
  if (!platform) notFound();
  return <MatrixPage platformId={platform.id} />;
}
