// "1 service", "2 services": a count with its noun, for the CLI's one-line messages.

export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
