export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-slate-600 dark:text-slate-400">
        <p>
          Detection content written by the Detection Atlas team. Technique data from MITRE ATT&CK®, © The
          MITRE Corporation, used under its terms of use.
        </p>
      </div>
    </footer>
  );
}
