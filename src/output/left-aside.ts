// A previous output moved aside that could not be removed once the new one was in place
// (staging.ts): the write is done, so it is a warning, not a failure; the CLI says so.
// Loaded at start-up by the CLI (main.ts): imports nothing.

export interface LeftAside {
  /** The results folder or file replaced (the user's path). */
  target: string;
  /** Where the previous one was moved aside, and is left. */
  aside: string;
  /** The system's error code (EACCES). */
  code: string;
}

const left: LeftAside[] = [];

export function leftAside(l: LeftAside): void {
  left.push(l);
}

/** The previous outputs that could not be removed since the last call. */
export function takeLeftAside(): LeftAside[] {
  return left.splice(0);
}
