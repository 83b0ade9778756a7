// The argument of =~ / !~: AWS documents it as a Java regular expression
// (java.util.regex.Pattern). We compile it with JavaScript's RegExp, which agrees with Java
// on the constructs people write here (., *, +, ?, [..], (a|b), \d, {n,m}), and match the
// WHOLE value, as Java's String.matches does. So `t3.*` matches "t3.micro" but not "xt3".

/** The RegExp for `source`, or an error message saying why it is not a valid pattern. */
export function compileJavaPattern(source: string): RegExp | string {
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    try {
      return new RegExp(`^(?:${source})$`);
    } catch (e) {
      const why = e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e);
      const hint = source.startsWith('*') ? ` (did you mean ".${source}"? the argument is a regular expression, not a wildcard)` : '';
      return `"${source}" is not a valid regular expression: ${why}${hint}`;
    }
  }
}
