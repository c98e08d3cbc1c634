// Sigma wildcard matching (`*` any run, `?` one UTF-16 code unit, whole-value, case-insensitive
// unless cased) without regular expressions: a RegExp built from `*a*a*a*b` backtracks
// exponentially. The value is split on `*` into segments; the first must match at the start, the
// last at the end, and each middle one at its leftmost place after the previous (taking the
// leftmost place never loses a match, since it leaves the most text for the rest). A segment is
// found with indexOf on its longest literal piece, then its other pieces are checked in place.
import type { Budget } from "@/lib/sigma/engine/budget";
import { TEST_UNITS } from "@/lib/sigma/engine/limits";
import type { StringPart } from "@/lib/sigma/engine/model";

type Piece = { at: number; text: string };
/** Literal pieces at offsets inside the segment; the gaps between them are `?`s. */
type Segment = { length: number; pieces: Piece[]; anchor: Piece | null };

// Code units the whole-string upper-casing treats differently from JavaScript's case-insensitive
// RegExp (which Sigma matching used to run on): dotless i and long s turn into ASCII there but
// not in the RegExp, and surrogate pairs are cased as one code point. They keep their case.
const KEEP = /[\u0131\u017f\ud800-\udfff]+/g;
// Per-unit folding (only when upper-casing changes the length, e.g. ß to SS) and each run kept
// from upper-casing cost ~100 times the native upper-casing of a character; they are charged so.
const PER_UNIT_COST = 100;
let last = { text: "", folded: "" };

/**
 * The canonical case of every code unit as JavaScript's non-Unicode `i` flag defines it (upper
 * case when that is a single unit and does not turn non-ASCII into ASCII), so that two strings
 * match case-insensitively exactly when their folds are equal, position by position. The last
 * result is kept: many values are usually tested against the same field.
 */
export function foldCase(text: string, budget?: Budget): string {
  if (text === last.text) return last.folded;
  const upper = text.toUpperCase();
  let folded = "";
  if (upper.length === text.length) {
    let at = 0;
    for (const m of text.matchAll(KEEP)) {
      budget?.spend(PER_UNIT_COST);
      folded += upper.slice(at, m.index) + m[0];
      at = m.index + m[0].length;
    }
    folded += upper.slice(at);
  } else {
    budget?.spend(text.length * PER_UNIT_COST);
    for (let i = 0; i < text.length; i++) {
      const unit = text[i]!;
      const u = unit.toUpperCase();
      folded += u.length !== 1 || (unit.charCodeAt(0) >= 128 && u.charCodeAt(0) < 128) ? unit : u;
    }
  }
  last = { text, folded };
  return folded;
}

function segment(parts: StringPart[], fold: (s: string) => string): Segment {
  const pieces: Piece[] = [];
  let length = 0;
  for (const p of parts) {
    if (typeof p === "string") {
      const last = pieces.at(-1);
      if (last && last.at + last.text.length === length) last.text += fold(p);
      else pieces.push({ at: length, text: fold(p) });
      length += p.length;
    } else length += 1;
  }
  const anchor = pieces.reduce<Piece | null>((a, p) => (a && a.text.length >= p.text.length ? a : p), null);
  return { length, pieces, anchor };
}

export class WildcardPattern {
  private readonly segments: Segment[];
  private readonly starred: boolean;
  private readonly fold: (s: string, budget?: Budget) => string;

  constructor(parts: StringPart[], cased: boolean) {
    this.fold = cased ? (s) => s : foldCase;
    const segments: StringPart[][] = [[]];
    for (const p of parts)
      if (typeof p !== "string" && p.wildcard === "*") segments.push([]);
      else segments.at(-1)!.push(p);
    this.starred = segments.length > 1;
    this.segments = segments.map((s) => segment(s, this.fold));
  }

  test(value: string, budget?: Budget): boolean {
    budget?.spend(value.length + TEST_UNITS);
    const text = this.fold(value, budget);
    const segs = this.segments;
    const first = segs[0]!;
    if (!this.starred) return text.length === first.length && this.at(first, text, 0);
    const last = segs.at(-1)!;
    const end = text.length - last.length;
    if (end < first.length || !this.at(first, text, 0) || !this.at(last, text, end)) return false;
    let pos = first.length;
    for (let i = 1; i < segs.length - 1; i++) {
      const found = this.find(segs[i]!, text, pos, end, budget);
      if (found < 0) return false;
      pos = found + segs[i]!.length;
    }
    return true;
  }

  private at(seg: Segment, text: string, start: number): boolean {
    return seg.pieces.every((p) => text.startsWith(p.text, start + p.at));
  }

  /** The leftmost start >= from where the segment matches and ends by `end`, or -1. */
  private find(seg: Segment, text: string, from: number, end: number, budget?: Budget): number {
    if (from + seg.length > end) return -1;
    const anchor = seg.anchor;
    if (!anchor) return from;
    for (let q = from + anchor.at; ; q++) {
      const hit = text.indexOf(anchor.text, q);
      budget?.spend((hit < 0 ? text.length : hit) - q + seg.length);
      if (hit < 0) return -1;
      const start = hit - anchor.at;
      if (start + seg.length > end) return -1;
      if (this.at(seg, text, start)) return start;
      q = hit;
    }
  }
}
