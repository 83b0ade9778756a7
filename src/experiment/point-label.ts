// The label of a sweep point: the name of its results folder under `runs/` and the name
// the comparison page gives it. Derived from the parameter values alone (as written in
// sweep.csv), so the sweep, every shard and the report compute the same labels.
//
//   `<name>=<value>` per sweep path, joined by `,` in path order, e.g.
//   `targetValue=40,scaleOutCooldown=60s`, where <name> is the shortest tail of the dotted
//   path (whole segments) that no other path of the sweep shares, and <name> and <value>
//   keep A-Z a-z 0-9 . _ - and percent-encode every other UTF-8 byte (`%2F` for `/`,
//   `%7B%22a%22%3A1%7D` for `{"a":1}`), so the label is safe on any filesystem.
//   A value that is a list of plain values (strings, numbers, true/false/null) is its items
//   joined by `+`, each item encoded as a value is (`["m5.large","m5.xlarge"]` ->
//   `m5.large+m5.xlarge`, `[1,2]` -> `1+2`): `+` is encoded (`%2B`) everywhere else, so a
//   list never reads as a single value with a `+` in it. Before 2026-11-27 a list was
//   encoded whole (`%5B%22m5.large%22%2C%22m5.xlarge%22%5D`): legacyPointLabels.
//
// Labels are unique: a label equal to an earlier one (ignoring case, for case-insensitive
// filesystems: a list with a repeated value, or values that read alike once written, as
// `[1,2]` and `["1","2"]`, or `["a"]` and `a`) and a label longer than MAX_LABEL_LENGTH
// (cut to CUT_LABEL_LENGTH) get `~p<point index>` appended; `~` never occurs otherwise.

/** Longer labels are cut and given `~p<point>`. */
export const MAX_LABEL_LENGTH = 120;
const CUT_LABEL_LENGTH = 100;

/** One label per point; `params[i][p]` is the CSV cell of path p at point i. */
export function pointLabels(paths: readonly string[], params: readonly (readonly string[])[]): string[] {
  return labelsWith(paths, params, encodeLabelValue);
}

/** The labels as sweeps wrote them before 2026-11-27 (a list encoded whole), for the runs/ folders of sweeps written then. */
export function legacyPointLabels(paths: readonly string[], params: readonly (readonly string[])[]): string[] {
  return labelsWith(paths, params, encodeLabelPart);
}

function labelsWith(paths: readonly string[], params: readonly (readonly string[])[], encodeValue: (cell: string) => string): string[] {
  const names = shortNames(paths).map(encodeLabelPart);
  const seen = new Set<string>();
  return params.map((values, i) => {
    let label = names.map((n, p) => `${n}=${encodeValue(values[p] ?? '')}`).join(',');
    if (label.length > MAX_LABEL_LENGTH) label = `${label.slice(0, CUT_LABEL_LENGTH)}~p${i}`;
    else if (seen.has(label.toLowerCase())) label = `${label}~p${i}`;
    seen.add(label.toLowerCase());
    return label;
  });
}

/** Per path, its shortest tail of whole segments that no other path ends with; else the whole path. */
export function shortNames(paths: readonly string[]): string[] {
  const segments = paths.map((p) => p.split('.'));
  const tail = (s: string[], k: number) => s.slice(Math.max(0, s.length - k)).join('.');
  return segments.map((s, i) => {
    for (let k = 1; k < s.length; k++) {
      const mine = tail(s, k);
      if (segments.every((o, j) => j === i || tail(o, k) !== mine)) return mine;
    }
    return s.join('.');
  });
}

/** A sweep.csv cell in a label: a JSON list of plain values as its items joined by `+`; anything else as encodeLabelPart. */
export function encodeLabelValue(cell: string): string {
  if (!cell.startsWith('[')) return encodeLabelPart(cell);
  let value: unknown;
  try {
    value = JSON.parse(cell);
  } catch {
    return encodeLabelPart(cell);
  }
  const plain = (x: unknown) => x === null || ['string', 'number', 'boolean'].includes(typeof x);
  if (!Array.isArray(value) || !value.every(plain)) return encodeLabelPart(cell);
  return value.map((x) => encodeLabelPart(typeof x === 'string' ? x : JSON.stringify(x))).join('+');
}

/** Keeps A-Z a-z 0-9 . _ - ; percent-encodes every other UTF-8 byte (upper-case hex). */
export function encodeLabelPart(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9._-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
