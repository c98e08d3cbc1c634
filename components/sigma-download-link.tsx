import { routes } from "@/lib/routes";

/** A plain link to the download route handler: works without JavaScript. */
export function SigmaDownloadLink({ techniqueId }: { techniqueId: string }) {
  return (
    <a
      href={routes.sigma(techniqueId)}
      download
      className="inline-flex items-center gap-1.5 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
      data-testid="sigma-download"
    >
      <span aria-hidden="true">↓</span> Download portable Sigma rule (.yml)
    </a>
  );
}
