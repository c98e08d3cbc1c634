// Every rule `content:verify` runs, in report order. Add a rule by importing it and listing it
// here; the names helper's field and table rules are appended the same way.
import { defenderRequiredColumns } from "@/lib/verify/rules/defender-required-columns";
import { deploymentLimits } from "@/lib/verify/rules/deployment-limits";
import { eqlCaseSensitive } from "@/lib/verify/rules/eql-case-sensitive";
import { eqlSequenceMaxspan } from "@/lib/verify/rules/eql-sequence-maxspan";
import { eqlWildcardEquals } from "@/lib/verify/rules/eql-wildcard-equals";
import { esqlCaseSensitive } from "@/lib/verify/rules/esql-case-sensitive";
import { esqlLikeEscape } from "@/lib/verify/rules/esql-like-escape";
import { kqlCaseSensitive } from "@/lib/verify/rules/kql-case-sensitive";
import { kqlHasWildcard } from "@/lib/verify/rules/kql-has-wildcard";
import { kqlLeftouterFilter } from "@/lib/verify/rules/kql-leftouter-filter";
import { kqlLookback } from "@/lib/verify/rules/kql-lookback";
import { namesElastic, namesKusto, namesLogscale, namesSecops, namesSplunk } from "@/lib/verify/names/rules";
import { logscaleCaseSensitive } from "@/lib/verify/rules/logscale-case-sensitive";
import { regexFlavour } from "@/lib/verify/rules/regex-flavour";
import { splCaseSensitive } from "@/lib/verify/rules/spl-case-sensitive";
import { splFieldAfterAggregation } from "@/lib/verify/rules/spl-field-after-aggregation";
import { splNeqMissingField } from "@/lib/verify/rules/spl-neq-missing-field";
import type { Rule } from "@/lib/verify/rules/types";
import { yaralNocase } from "@/lib/verify/rules/yaral-nocase";

export const RULES: Rule[] = [
  deploymentLimits,
  splCaseSensitive,
  splFieldAfterAggregation,
  splNeqMissingField,
  esqlCaseSensitive,
  esqlLikeEscape,
  eqlCaseSensitive,
  eqlSequenceMaxspan,
  eqlWildcardEquals,
  kqlCaseSensitive,
  kqlLeftouterFilter,
  kqlHasWildcard,
  kqlLookback,
  defenderRequiredColumns,
  yaralNocase,
  logscaleCaseSensitive,
  regexFlavour,
  namesElastic,
  namesSplunk,
  namesSecops,
  namesLogscale,
  namesKusto,
];
