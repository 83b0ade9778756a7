// A memberOf expression as messages quote it: on one line (a YAML block scalar's line breaks
// become spaces, as in the constraint's label) and, when long (an expression may have up to
// 2000 characters), cut to a window of EXCERPT_LENGTH characters around the term the
// message is about, with "..." where text is left out (as the parse errors' peekToken
// shortens the token they quote).

/** The most characters of an expression a message quotes (besides the "..." marks). */
export const EXCERPT_LENGTH = 80;

/** How many characters before the term the window shows, when there are that many. */
const LEAD = 20;

const lineBreaks = /\s*[\r\n]\s*/g;

/** `expression` on one line, at most EXCERPT_LENGTH characters of it around `position` (where the term starts, 0-based in `expression`). */
export function expressionExcerpt(expression: string, position = 0): string {
  const flat = expression.replace(lineBreaks, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  // where the term starts in the one-line text
  const at = Math.min(expression.slice(0, position).replace(lineBreaks, ' ').trimStart().length, flat.length);
  const start = Math.max(0, Math.min(at - LEAD, flat.length - EXCERPT_LENGTH));
  const end = start + EXCERPT_LENGTH;
  return `${start > 0 ? '...' : ''}${flat.slice(start, end)}${end < flat.length ? '...' : ''}`;
}
