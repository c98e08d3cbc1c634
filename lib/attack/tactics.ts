// The 14 ATT&CK Enterprise tactics in matrix order (stable since ATT&CK v8).
// Short names are the `kill_chain_phases.phase_name` values used by ATT&CK and by our content.
export const TACTICS = [
  { id: "TA0043", shortName: "reconnaissance", name: "Reconnaissance" },
  { id: "TA0042", shortName: "resource-development", name: "Resource Development" },
  { id: "TA0001", shortName: "initial-access", name: "Initial Access" },
  { id: "TA0002", shortName: "execution", name: "Execution" },
  { id: "TA0003", shortName: "persistence", name: "Persistence" },
  { id: "TA0004", shortName: "privilege-escalation", name: "Privilege Escalation" },
  { id: "TA0005", shortName: "defense-evasion", name: "Defense Evasion" },
  { id: "TA0006", shortName: "credential-access", name: "Credential Access" },
  { id: "TA0007", shortName: "discovery", name: "Discovery" },
  { id: "TA0008", shortName: "lateral-movement", name: "Lateral Movement" },
  { id: "TA0009", shortName: "collection", name: "Collection" },
  { id: "TA0011", shortName: "command-and-control", name: "Command and Control" },
  { id: "TA0010", shortName: "exfiltration", name: "Exfiltration" },
  { id: "TA0040", shortName: "impact", name: "Impact" },
] as const;

export type Tactic = (typeof TACTICS)[number];
export type TacticShortName = Tactic["shortName"];

export const TACTIC_SHORT_NAMES = TACTICS.map((t) => t.shortName) as [TacticShortName, ...TacticShortName[]];

export function tacticByShortName(shortName: string): Tactic | undefined {
  return TACTICS.find((t) => t.shortName === shortName);
}

/** Canonical ATT&CK URL: sub-technique ids use a slash (T1021.007 -> /techniques/T1021/007/). */
export function attackUrl(techniqueId: string): string {
  return `https://attack.mitre.org/techniques/${techniqueId.replace(".", "/")}/`;
}

export function tacticUrl(tactic: Tactic): string {
  return `https://attack.mitre.org/tactics/${tactic.id}/`;
}
