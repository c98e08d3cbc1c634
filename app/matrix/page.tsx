import type { Metadata } from "next";
import { routes } from "@/lib/routes";
import { socialImage } from "@/lib/social-cards";
import { MatrixPage } from "./_components/matrix-page";

export const metadata: Metadata = {
  title: "ATT&CK coverage matrix",
  description:
    "Which ATT&CK Enterprise techniques have Detection Atlas detections, on how many platforms, with Navigator layers of coverage and gaps.",
  alternates: { canonical: routes.matrix() },
  openGraph: { title: "ATT&CK coverage matrix", url: routes.matrix(), images: socialImage("matrix") },
};

export default function Page() {
  return <MatrixPage />;
}
