import { attackUrl } from "@/lib/attack/tactics";
import type { MatrixEntry } from "@/lib/coverage/matrix";
import { routes } from "@/lib/routes";

// Heat steps by share of platforms covered (.mx.h1-.h3 in globals.css). The count is always
// printed beside the colour.
function heat(covered: number, total: number): string {
  if (covered === 0) return "mx";
  const share = covered / total;
  return share <= 1 / 3 ? "mx h1" : share <= 2 / 3 ? "mx h2" : "mx h3";
}

/**
 * One technique or sub-technique: name, id, and "n/total" platforms, linking to us or to ATT&CK.
 * A server component with compact markup: the matrix renders about a thousand of these.
 */
export function CoverageCell({ entry, total }: { entry: MatrixEntry; total: number }) {
  const covered = entry.platforms.length;
  const href = entry.hasPage ? routes.technique(entry.id) : attackUrl(entry.id);
  return (
    <a
      href={href}
      data-testid="matrix-cell"
      data-technique={entry.id}
      data-covered={covered}
      className={heat(covered, total)}
      {...(entry.hasPage ? {} : { rel: "noopener", target: "_blank" })}
    >
      <span>
        <span>{entry.name}</span>
        <span>
          {entry.hasPage ? entry.id : `${entry.id} · on ATT&CK`}
          {entry.hasPage ? "" : <span className="sr-only"> (opens in a new tab)</span>}
        </span>
      </span>
      <span aria-label={`${covered} of ${total} platforms`}>{`${covered}/${total}`}</span>
    </a>
  );
}
