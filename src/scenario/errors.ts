// Scenario errors: each names the key path, what was expected and what was found.

export interface ScenarioIssue {
  /** Dotted key path, e.g. "services.web.taskDefinition". */
  path: string;
  message: string;
  /** 1-based line in the scenario file, when known. */
  line?: number;
  /** 1-based column on that line, when known (a YAML syntax error): said as file:line:column. */
  column?: number;
  /** The part of an experiment file the path is in, e.g. `variant "tt-cpu-45"`; printed before the path. */
  within?: string;
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ScenarioIssue[],
  ) {
    super(issues.map((i) => formatIssue(file, i)).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** The first issue of each key path and message (one problem reached twice is said once). */
export function uniqueIssues(issues: ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatIssue(file: string, issue: ScenarioIssue): string {
  const where = issue.line === undefined ? file : issue.column === undefined ? `${file}:${issue.line}` : `${file}:${issue.line}:${issue.column}`;
  return [where, issue.within, issue.path, issue.message].filter((part) => part !== undefined && part !== '').join(': ');
}

export function joinPath(path: readonly (string | number)[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('');
}
