/** Marks every occurrence of the matched terms (MiniSearch's lower-cased index terms) in a text. */
export function Highlight({ text, terms }: { text: string; terms: string[] }) {
  const usable = terms.filter((t) => t.length > 1).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (usable.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${usable.sort((a, b) => b.length - a.length).join("|")})`, "gi");
  return (
    <>
      {text.split(pattern).map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-yellow-700">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
