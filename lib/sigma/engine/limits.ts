// Every bound the Sigma engine puts on untrusted input, in one place. The converter API runs any
// anonymous rule and events on the server, so each cost that grows with the input is capped here
// and refused with a located error (a 422 from the API) instead of blocking the event loop.
// The values sit far above what real rules use (a few KB, a few dozen identifiers, conditions and
// values of a few hundred characters; this corpus's largest: 3.5 KB, 15 identifiers, a 273-character
// condition, a 236-instruction regex) and keep one request's work near a hundred milliseconds.

/**
 * Rule text. SigmaHQ rules are a few KB, the largest tens of KB (this corpus: 3.5 KB at most).
 * Parsing YAML is the one cost here that only the size bounds: about 1.5 ms per KB warm and
 * 7 ms per KB in a cold process, so 64 KB keeps it near 100 ms.
 */
export const MAX_RULE_BYTES = 64 * 1024;
/** YAML nesting. A Sigma rule needs four or five levels; deeper trees only cost stack. */
export const MAX_DEPTH = 32;
/**
 * YAML documents in one file: a correlation and the rules it refers to. Each document is
 * converted to every target and highlighted, so 900 tiny documents took 2.4 s.
 */
export const MAX_DOCUMENTS = 16;
/** Rules one correlation refers to; each is converted and joined into one query. */
export const MAX_CORRELATION_RULES = 10;
/** A user's pipeline file (pySigma format): transformations, and field mappings across them. */
export const MAX_PIPELINE_TRANSFORMATIONS = 100;
export const MAX_PIPELINE_MAPPINGS = 2000;
/** YAML aliases. Rules never need anchors; a few are allowed, a billion-laughs expansion is not. */
export const MAX_ALIASES = 50;

/** Search identifiers per rule. Real rules use up to a few dozen. */
export const MAX_IDENTIFIERS = 256;
/** Characters in one string value. Long base64 or command-line values stay under 1 KB. */
export const MAX_VALUE_CHARS = 4096;
/** Wildcards (* and ?, including those contains/startswith/endswith add) in one value. */
export const MAX_WILDCARDS = 32;
/** Values of one field after modifiers (windash and base64offset multiply them). */
export const MAX_VALUES_PER_FIELD = 4096;

/** Characters in one condition. Real conditions are a few hundred characters. */
export const MAX_CONDITION_CHARS = 4096;
/**
 * Nesting of parentheses and `not` in a condition. Real conditions nest three or four levels;
 * the bound keeps every recursive walk of the condition tree (parser, checks, evaluator,
 * backends) a few dozen frames deep.
 */
export const MAX_CONDITION_DEPTH = 32;
/**
 * Value matches in the conditions of one file once `1 of` / `all of` are expanded: each
 * reference to an identifier counts its values. A query is about as long as this count, so it
 * bounds the backends' output and the evaluator's work per event (`all of them` repeated over
 * many large identifiers would otherwise multiply them).
 */
export const MAX_EXPANDED_MATCHES = 20_000;
/**
 * The same expansion counted in characters (values and their field names): one long value
 * referenced many times would otherwise make a query of megabytes. Eight times the rule limit.
 */
export const MAX_EXPANDED_CHARS = 512 * 1024;

/** Characters in one `|re` pattern. The longest SigmaHQ regexes are a few hundred characters. */
export const MAX_REGEX_CHARS = 1024;
/**
 * Estimated RE2 program size (instructions) of one regex. Counted repetitions multiply it
 * (`[a-z]{1,999}` is ~1,000 instructions); re2js compiles ~10 µs per instruction, so 2,000 keeps
 * one compile under ~20 ms.
 */
export const MAX_REGEX_PROGRAM = 2000;
/** The same estimate summed over all regexes of one file: bounds compile time per request. */
export const MAX_RULE_REGEX_PROGRAM = 10_000;

/** Nesting of arrays and objects in one pasted event (every walk of an event recurses). */
export const MAX_EVENT_DEPTH = 32;
/**
 * Work units for evaluating one request's events: a unit is about 2 ns, the time to scan one
 * character (wildcard and regex matching charge per character of text, TEST_UNITS per value
 * test or condition node), so 50 M units run in ~100 ms. The samples of the whole corpus (300
 * events) need about 0.6 M.
 */
export const EVAL_BUDGET = 50_000_000;
/** The fixed cost of one value test or condition node, measured at ~50 ns (25 units). */
export const TEST_UNITS = 32;
/**
 * Regex work is charged per character of text, plus one unit per this many instructions of the
 * program: RE2's DFA reads each character once, but when its state cache overflows the NFA
 * fallback steps through the program (measured: a 1,600-instruction program on 500 KB took
 * ~100 ms cold, charged 26 M units).
 */
export const REGEX_INSTRUCTIONS_PER_UNIT = 32;
/**
 * Converted queries longer than this are returned without syntax colours: Shiki's cost grows
 * faster than the line (about 1 ms per KB up to 2 KB, 10 ms per KB at 8 KB, over a second for
 * the 100 KB line of a hash-list rule).
 */
export const MAX_HIGHLIGHT_CHARS = 4000;
/** Characters highlighted per request over all its queries (five targets times a few documents). */
export const MAX_HIGHLIGHT_TOTAL = 16_000;
