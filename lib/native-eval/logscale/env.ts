import type { Stage } from "@/lib/native-eval/logscale/ast";
import type { Row } from "@/lib/native-eval/logscale/values";

export type Env = {
  now: Date;
  /** Every event of the repository (join subqueries read them again). */
  all: Row[];
  drop(ids: Iterable<string>, clause: string): void;
  run(stages: Stage[], rows: Row[], env: Env): Row[];
  inTest?: boolean;
};
