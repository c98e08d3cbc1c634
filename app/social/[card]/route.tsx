// GET /social/<type>.png: the social-card image of a page type, rendered once at build time with
// next/og (Satori and its bundled Geist font: no network, no Google Fonts).
import { ImageResponse } from "next/og";
import { notFound } from "next/navigation";
import { SOCIAL_CARD_SIZE, SOCIAL_CARDS, type SocialCard } from "@/lib/social-cards";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return Object.keys(SOCIAL_CARDS).map((card) => ({ card: `${card}.png` }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ card: string }> }) {
  const name = (await params).card.replace(/\.png$/, "");
  if (!Object.hasOwn(SOCIAL_CARDS, name)) notFound();
  const card = SOCIAL_CARDS[name as SocialCard];
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: 72,
        background: "linear-gradient(135deg, #0f172a 0%, #174ca8 100%)",
        color: "#ffffff",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 20, fontSize: 36 }}>
        <div
          style={{
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            width: 64,
            height: 64,
            borderRadius: 14,
            background: "#1d5fd1",
            border: "2px solid #8dbbff",
            fontSize: 30,
          }}
        >
          DA
        </div>
        Detection Atlas
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 20 }}>
        <div style={{ fontSize: 72, lineHeight: 1.1 }}>{card.title}</div>
        <div style={{ fontSize: 36, color: "#d9eaff" }}>{card.subtitle}</div>
      </div>
    </div>,
    SOCIAL_CARD_SIZE,
  );
}
