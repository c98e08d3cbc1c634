import type { TacticShortName } from "@/lib/attack/tactics";

/**
 * Tactics that happen almost entirely outside the defender's telemetry. Rather than invent
 * detections for them, the site says why there are none and where the signal really is.
 */
export const UNOBSERVABLE_TACTICS: Partial<Record<TacticShortName, string>> = {
  "resource-development":
    "Resource Development happens on the adversary's side: buying domains and servers, registering " +
    "accounts, building or buying malware and certificates. None of it touches your endpoints, identity " +
    "provider or cloud audit logs, so no SIEM query can see it. The signal lives in external sources " +
    "(certificate transparency logs, newly registered domain feeds, threat intelligence on staged " +
    "infrastructure). In your own logs it shows up only later, as the Initial Access and Command and " +
    "Control activity our detections for those tactics cover.",
};
