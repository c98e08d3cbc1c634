import { CopyButton } from "@/components/copy-button.client";
import { highlightToHtml } from "@/lib/highlight/highlighter";

/**
 * A highlighted code block (rendered on the server) with its language label and a copy button that
 * copies the rendered block, so the code travels to the browser once.
 */
export async function CodeBlock({
  code,
  language,
  label,
  copyLabel,
  testId,
}: {
  code: string;
  language: string;
  label: string;
  copyLabel?: string;
  testId?: string;
}) {
  const html = await highlightToHtml(code, language);
  return (
    <figure className="my-3" data-testid={testId}>
      <figcaption className="mb-1.5 flex items-center justify-between gap-2">
        <span className="font-mono text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
          {label}
        </span>
        <CopyButton label={copyLabel} />
      </figcaption>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  );
}
