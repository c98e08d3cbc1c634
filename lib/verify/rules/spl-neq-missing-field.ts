// SPL: `field!=value` only matches events that have the field, while `NOT field=value` also keeps
// events without it. An exclusion written with != therefore drops every event that lacks the
// field, instead of only the excluded value.
import { findingAt } from "@/lib/verify/rules/finding";
import { commands, isPunct, isWord, tokensOf } from "@/lib/verify/rules/tokens";
import type { Finding, Rule } from "@/lib/verify/rules/types";

const ID = "spl-neq-missing-field";

export const splNeqMissingField: Rule = {
  id: ID,
  languages: ["spl"],
  reason:
    "`field!=value` drops events that lack the field while `NOT field=value` keeps them, so an exclusion written with != removes more than the excluded value.",
  docs: "https://docs.splunk.com/Documentation/Splunk/latest/Search/NOTexpressions",
  applies: (query) => query.field.includes("exclusion"),
  check(query) {
    const findings: Finding[] = [];
    for (const command of commands(tokensOf("spl", query.text))) {
      if (!isWord(command[0], "search")) continue;
      command.forEach((t, i) => {
        if (isPunct(t, "!=") && command[i - 1]?.kind === "word")
          findings.push(
            findingAt(
              ID,
              query,
              command[i - 1]!.start,
              `${command[i - 1]!.text}!=… also drops events without ${command[i - 1]!.text}: write NOT ${command[i - 1]!.text}=…`,
              [`NOT ${command[i - 1]!.text}=`],
            ),
          );
      });
    }
    return findings;
  },
};
