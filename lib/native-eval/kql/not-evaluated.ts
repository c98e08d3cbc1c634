// Thrown for a construct the KQL evaluator does not implement: the whole query is then reported
// "not evaluated: <construct>", never a pass.
export class NotEvaluated extends Error {
  constructor(
    readonly construct: string,
    readonly offset?: number,
  ) {
    super(`not evaluated: ${construct}`);
    this.name = "NotEvaluated";
  }
}
