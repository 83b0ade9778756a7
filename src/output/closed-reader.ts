// A reader that stops early closes its pipe: `ecsim trace s.yaml | head`, `ecsim report d
// --out /dev/stdout | head -1`, a FIFO whose reader ended. That is a normal stop, as for
// Unix tools: the output stops quietly (no error, no stack trace) and the command keeps its
// own exit code. One test, shared by what prints to stdout (bin.ts) and what writes a file
// through to a pipe or device (staging.ts); no heavy imports (bin.ts loads it at start-up).

/** Whether a write failed because the reader of the pipe went away (EPIPE). */
export function readerWentAway(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'EPIPE';
}
