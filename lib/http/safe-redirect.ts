// The one check for redirect targets that come from a request (`next`, `callbackURL`, `redirectTo`,
// `returnTo`): only a path on this site passes. Browsers read `/\host`, `/<tab>/host` and `//host`
// as another host, so those are refused before the URL is resolved. Pure, so the server and the
// sign-in form (a client component) share it.

/** Any origin works: it only serves to tell "same origin" from "somewhere else". */
const PROBE_ORIGIN = "http://redirect-check.invalid";

// C0 controls, DEL and the C1 range; browsers strip tab and newlines out of URLs silently.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function looksSafe(candidate: string): boolean {
  return (
    candidate.startsWith("/") &&
    !candidate.startsWith("//") &&
    !candidate.includes("\\") &&
    !CONTROL.test(candidate)
  );
}

/**
 * Returns `target` as a same-origin path (pathname, query and fragment), or `fallback` when it is
 * missing, malformed or could lead anywhere else. The value is also checked once percent-decoded,
 * so an encoded `\`, `/` or control character cannot slip past a later decoding step.
 */
export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2048) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    return fallback;
  }
  if (!looksSafe(target) || !looksSafe(decoded)) return fallback;
  let url: URL;
  try {
    url = new URL(target, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
