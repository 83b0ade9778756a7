// Quoting a user's text in a message: long text is cut, by code points, not UTF-16 units, so
// that an emoji's two halves stay together ("a great 😀...", not "a great \ud83d...").

/** `text` when it has at most `max` code points, else its first `keep` (default `max`) and "...". */
export function cutText(text: string, max: number, keep = max): string {
  if (text.length <= max) return text; // fewer units, so no more code points
  const points = [...text];
  return points.length > max ? `${points.slice(0, keep).join('')}...` : text;
}
