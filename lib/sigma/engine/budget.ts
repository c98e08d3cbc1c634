// A count of the work evaluation does, charged as it goes: a request that needs more than its
// budget stops with SigmaBudgetError instead of running on. Deterministic (no clock), so the same
// rule and events always give the same answer.
import { EVAL_BUDGET } from "@/lib/sigma/engine/limits";

export class SigmaBudgetError extends Error {
  constructor(readonly limit: number) {
    super(
      `evaluating these events with this rule needs more than ${limit.toLocaleString("en")} steps of work; send fewer or shorter events, or fewer values`,
    );
    this.name = "SigmaBudgetError";
  }
}

export class Budget {
  private left: number;
  constructor(readonly limit = EVAL_BUDGET) {
    this.left = limit;
  }
  spend(units: number): void {
    this.left -= units;
    if (this.left < 0) throw new SigmaBudgetError(this.limit);
  }
  get used(): number {
    return this.limit - this.left;
  }
}
