/** One problem with one variable. */
export interface ConfigIssue {
  /** The variable at fault, e.g. `DATABASE_URL`. */
  readonly variable: string;
  /** The form it must take, e.g. `a postgres:// or postgresql:// URL`. */
  readonly expected: string;
  /** One line naming both: `DATABASE_URL: expected a postgres:// or postgresql:// URL`. */
  readonly message: string;
}

/** Builds the issue of `variable`, whose value should have been `expected`. */
export function configIssue(variable: string, expected: string): ConfigIssue {
  return Object.freeze({ variable, expected, message: `${variable}: expected ${expected}` });
}

/** The configuration is unusable; `message` holds one line per bad variable. */
export class ConfigError extends Error {
  /** Every problem found, one per variable. */
  readonly issues: readonly ConfigIssue[];

  /** @param issues every problem found, one per variable, at least one */
  constructor(issues: readonly ConfigIssue[]) {
    super(issues.map((issue) => issue.message).join('\n'));
    this.name = 'ConfigError';
    this.issues = Object.freeze([...issues]);
  }
}
