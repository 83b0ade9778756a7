// Numbers for tables and sentences: a few significant digits, thousands separated.

export function fmtNum(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Number.isInteger(x)) return String(x);
  return x.toFixed(abs >= 100 ? Math.min(digits, 1) : abs >= 1 ? digits : Math.max(digits, 2));
}

/**
 * Dollars: whole cents from $1 up ($1,234.57); below $1, 3 significant digits with at least
 * two decimals ($0.29, $0.0547, $0.0025), so a short run's cost does not read $0.00 while
 * summary.json has 0.0025. Exactly 0 is $0.00.
 */
export function fmtUsd(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  if (abs === 0 || abs >= 0.995) return `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  // decimals for 3 significant digits (0.0025: first digit at 10^-3, so 5), at least 2
  const decimals = Math.max(2, 2 - Math.floor(Math.log10(abs)));
  const text = x.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, '$1');
  return `$${text}`;
}

/**
 * Dollar amounts of one table column with the same decimals: the most that fmtUsd gives any
 * of them ($0.56 beside $0.296 reads $0.560 and $0.296; $12.35 beside $0.0336 reads
 * $12.3500 and $0.0336), at least two. Not a number is –.
 */
export function fmtUsdColumn(values: readonly (number | null | undefined)[]): string[] {
  let decimals = 2;
  for (const x of values) {
    const text = fmtUsd(x);
    const dot = text.indexOf('.');
    if (dot >= 0) decimals = Math.max(decimals, text.length - dot - 1);
  }
  return values.map((x) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `$${x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}`));
}

export function fmtPct(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${x.toFixed(digits)} %`;
}
