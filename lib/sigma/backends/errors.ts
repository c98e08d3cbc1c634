// A construct the target language cannot express: the backend stops with this instead of
// emitting a query that would match something else.
export class BackendError extends Error {
  constructor(
    readonly target: string,
    message: string,
  ) {
    super(message);
    this.name = "BackendError";
  }
}
