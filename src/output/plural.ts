// "1 service", "2 services": a count with its noun, for messages and the tables' sentences.

export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
