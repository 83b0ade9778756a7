// A path as one word of a shell command ecsim suggests (init's "then run: ecsim run ...",
// trace's pointer to explain, an incomplete results folder's re-run).

/** The path as one shell word: quoted when it holds anything but safe characters ("'Weird Name!.yaml'"; a ' as '\\''). */
export function shellWord(path: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
