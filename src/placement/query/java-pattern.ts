// The argument of =~ / !~: AWS documents it as a Java regular expression
// (java.util.regex.Pattern). We translate the pattern to a JavaScript RegExp (unicode mode)
// and match the WHOLE value, as Java's String.matches does. So `t3.*` matches "t3.micro" but
// not "xt3".
//
// Supported (docs/notes/placement.md lists it): literals, `.`, classes `[..]` / `[^..]` with
// ranges, groups `(..)`, `(?:..)`, `(?<name>..)`, lookaround, `|`, the quantifiers `* + ?
// {n} {n,} {n,m}` and their lazy forms, `^` `$`, backreferences (to a group opened before
// them; others are refused); the escapes Java defines
// that mean the same in JavaScript (\d \D \w \W \s \S \b \B \t \n \r \f \1..\9 \k<name>),
// and translated: \Q..\E (quoted text), \A (start), \z (end), \Z (end before a final line
// terminator), \a \e \cX \0octal \xhh \x{h..h} \uhhhh, a backslash before any non-letter
// (that character, literally), `]` and `}` outside a class (literal, as in Java), a `]` first
// in a class (literal), and a leading `(?i)` (case-insensitive). Refused with a message rather
// than matched differently: backslash-letter escapes Java does not define (`\y`), Java
// escapes without a JavaScript equivalent (\p{..} \h \v \R \X \G ...), nested classes and
// class intersection (`[a-z&&[^b]]`), inline flags elsewhere than at the start, and whatever
// JavaScript cannot compile (possessive quantifiers, atomic groups) or Java refuses (an
// unbalanced ")", which must not close the whole-value wrapper).

/** Java's line terminators, for \Z. */
const FINAL_TERMINATOR = '(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?$)';
const ESCAPES_UNSUPPORTED = new Set(['p', 'P', 'h', 'H', 'v', 'V', 'R', 'X', 'G', 'N']);
const SAME_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 't', 'n', 'r', 'f']);

/** One code point as a unicode-mode RegExp literal (valid inside and outside a class). */
function literal(c: string): string {
  return /^[A-Za-z0-9]$/.test(c) ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

function quoted(text: string): string {
  let out = '';
  for (const c of text) out += literal(c);
  return out;
}

/** The \Q..\E quote starting at src[i] (to the end when no \E closes it) as literal JavaScript, and the index after it. */
function quote(src: string, i: number): [string, number] {
  const end = src.indexOf('\\E', i + 2);
  return [quoted(end < 0 ? src.slice(i + 2) : src.slice(i + 2, end)), end < 0 ? src.length : end + 2];
}

class PatternProblem extends Error {}

/**
 * The JavaScript form of the escape at src[i] ('\\'); returns it and the index after it.
 * `groups`: the capturing groups opened before src[i] (for a backreference).
 */
function escape(src: string, i: number, inClass: boolean, groups = 0): [string, number] {
  const e = src[i + 1];
  if (e === undefined) throw new PatternProblem('it ends with a lone backslash');
  const cp = String.fromCodePoint(src.codePointAt(i + 1)!);
  if (!/[A-Za-z0-9]/.test(e)) return [literal(cp), i + 1 + cp.length];
  if (SAME_ESCAPES.has(e)) return [`\\${e}`, i + 2];
  switch (e) {
    case 'a':
      return [literal('\u0007'), i + 2];
    case 'e':
      return [literal('\u001b'), i + 2];
    case 'c': {
      const x = src[i + 2];
      if (x === undefined) throw new PatternProblem('\\c needs a character after it');
      return [literal(String.fromCharCode(x.charCodeAt(0) ^ 64)), i + 3];
    }
    case 'x': {
      const braced = /^\{([0-9A-Fa-f]+)\}/.exec(src.slice(i + 2));
      if (braced) {
        const code = parseInt(braced[1], 16);
        if (code > 0x10ffff) throw new PatternProblem(`\\x{${braced[1]}} is beyond the last Unicode code point`);
        return [`\\u{${code.toString(16)}}`, i + 2 + braced[0].length];
      }
      const two = /^[0-9A-Fa-f]{2}/.exec(src.slice(i + 2));
      if (!two) throw new PatternProblem('\\x needs two hexadecimal digits (or \\x{h..h})');
      return [`\\u{${two[0]}}`, i + 4];
    }
    case 'u': {
      const four = /^[0-9A-Fa-f]{4}/.exec(src.slice(i + 2));
      if (!four) throw new PatternProblem('\\u needs four hexadecimal digits');
      return [`\\u${four[0]}`, i + 6];
    }
    case '0': {
      // \0n, \0nn, \0mnn (m <= 3)
      const m = /^(?:[0-3][0-7]{2}|[0-7]{1,2})/.exec(src.slice(i + 2));
      if (!m) throw new PatternProblem('\\0 needs an octal digit after it');
      return [`\\u{${parseInt(m[0], 8).toString(16)}}`, i + 2 + m[0].length];
    }
  }
  if (/[1-9]/.test(e)) {
    if (inClass) throw new PatternProblem(`\\${e} (a backreference) cannot be inside a character class`);
    // Java reads further digits while the number stays a group opened so far (\11 with one
    // group is \1 then "1"); a reference to a group not opened before it is refused (Java
    // never matches one to a missing group; JavaScript would fail to compile it or match
    // it as empty)
    let n = Number(e);
    let next = i + 2;
    if (n > groups) {
      throw new PatternProblem(
        `\\${e} refers to capturing group ${e}, but ${groups === 0 ? 'no group is' : groups === 1 ? 'only 1 group is' : `only ${groups} groups are`} opened before it (a reference to a later group is not supported; Java never matches one to a missing group); write [${e}] to match the digit`,
      );
    }
    while (next < src.length && src[next] >= '0' && src[next] <= '9' && n * 10 + Number(src[next]) <= groups) n = n * 10 + Number(src[next++]);
    return [`(?:\\${n})`, next]; // the group keeps a following digit out of the number
  }
  if (inClass && /[bBAzZk]/.test(e)) throw new PatternProblem(`\\${e} cannot be inside a character class`);
  switch (e) {
    case 'b':
    case 'B':
      return [`\\${e}`, i + 2];
    case 'A':
      return ['^', i + 2];
    case 'z':
      return ['$', i + 2];
    case 'Z':
      return [FINAL_TERMINATOR, i + 2];
    case 'k':
      if (src[i + 2] !== '<') throw new PatternProblem('\\k needs a group name in <..>');
      return ['\\k', i + 2];
    case 'E':
      throw new PatternProblem('\\E without a \\Q before it');
  }
  if (ESCAPES_UNSUPPORTED.has(e)) {
    throw new PatternProblem(`\\${e} is a Java escape ecsim's =~ does not support (write the characters out, e.g. [a-z] for \\p{Lower})`);
  }
  throw new PatternProblem(`\\${e} is not an escape Java defines (a backslash before a letter must start one, such as \\d or \\w); write "${e}" without the backslash to match the letter`);
}

/** The JavaScript source and flags for Java pattern `src`; throws PatternProblem. */
function translate(src: string): { source: string; flags: string } {
  let flags = 'u';
  let i = 0;
  if (src.startsWith('(?i)')) {
    flags = 'iu';
    i = 4;
  }
  let out = '';
  let groups = 0; // capturing groups opened so far
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      if (src[i + 1] === 'Q') {
        const [js, next] = quote(src, i);
        out += js;
        i = next;
        continue;
      }
      const [js, next] = escape(src, i, false, groups);
      out += js;
      i = next;
    } else if (c === '[') {
      [out, i] = characterClass(src, i, out);
    } else if (c === '(' && src[i + 1] === '?') {
      const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z][A-Za-z0-9]*>)/.exec(src.slice(i));
      if (!m) {
        if (/^\(\?[a-zA-Z-]/.test(src.slice(i))) throw new PatternProblem('inline flags are supported only as a leading (?i)');
        if (src.startsWith('(?>', i)) throw new PatternProblem('atomic groups (?>..) are not supported');
        throw new PatternProblem(`unknown group construct "${src.slice(i, i + 3)}"`);
      }
      if (m[0].startsWith('(?<') && m[0] !== '(?<=' && m[0] !== '(?<!') groups++; // named: capturing
      out += m[0];
      i += m[0].length;
    } else if (c === '(') {
      groups++;
      out += c;
      i++;
    } else if (c === '{') {
      const q = /^\{\d+(?:,\d*)?\}/.exec(src.slice(i));
      if (!q) throw new PatternProblem('a "{" that does not start a repetition {n}, {n,} or {n,m} (write \\{ for the character)');
      out += q[0];
      i += q[0].length;
    } else if (c === ']' || c === '}') {
      out += `\\${c}`; // a literal outside a class in Java
      i++;
    } else {
      const cp = String.fromCodePoint(src.codePointAt(i)!);
      out += cp;
      i += cp.length;
    }
  }
  return { source: out, flags };
}

/** Appends the class starting at src[i] ('[') to `out`; returns the new out and the index after it. */
function characterClass(src: string, i: number, out: string): [string, number] {
  out += '[';
  i++;
  if (src[i] === '^') {
    out += '^';
    i++;
  }
  if (src[i] === ']') {
    out += '\\]'; // first in a Java class: the character itself
    i++;
  }
  for (;;) {
    const c = src[i];
    if (c === undefined) throw new PatternProblem('a character class "[" is not closed');
    if (c === ']') return [out + ']', i + 1];
    if (c === '[') throw new PatternProblem('nested character classes (Java\'s union [a[bc]]) are not supported: list the characters in one class');
    if (c === '&' && src[i + 1] === '&') throw new PatternProblem('character class intersection (&&) is not supported: write the class out (e.g. [ac-z] for [a-z&&[^b]])');
    if (c === '\\') {
      if (src[i + 1] === 'Q') {
        const [js, next] = quote(src, i);
        out += js;
        i = next;
        continue;
      }
      const [js, next] = escape(src, i, true);
      out += js;
      i = next;
      continue;
    }
    const cp = String.fromCodePoint(src.codePointAt(i)!);
    out += cp;
    i += cp.length;
  }
}

/** The RegExp for `source`, or why it is not a valid pattern (`Unterminated group`, then any hint). */
export function compileJavaPattern(source: string): RegExp | string {
  const hint = source.startsWith('*') ? ` (did you mean ".${source}"? the argument is a regular expression, not a wildcard)` : '';
  try {
    const { source: js, flags } = translate(source);
    // compiled alone first: an unbalanced ")" is an error there (as in Java: "Unmatched
    // closing ')'"), where inside the whole-value wrapper it would close the wrapper
    // ("a)|(b" would match anything starting with a)
    new RegExp(js, flags);
    return new RegExp(`^(?:${js})$`, flags);
  } catch (e) {
    let why = e instanceof PatternProblem ? e.message : e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(e);
    if (why === "Unmatched ')'") why = 'an unmatched closing ")" (write \\) for the character)';
    if (!(e instanceof PatternProblem) && /[*+?}]\+/.test(source)) why += ' (possessive quantifiers such as *+ are not supported)';
    return `${why}${hint}`;
  }
}
