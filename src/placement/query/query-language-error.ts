// The error for a malformed cluster query language expression: carries the 0-based
// character offset where parsing failed, the expression, and (when known) the config path.

export class QueryLanguageError extends Error {
  override name = 'QueryLanguageError';

  constructor(
    message: string,
    /** 0-based character offset in `expression` where the problem is. */
    readonly position: number,
    readonly expression: string,
    /** Where the expression came from, e.g. "placementConstraints[1].expression". */
    readonly path?: string,
  ) {
    super(path ? `${path}: ${message}` : message);
  }
}
