// What a process stopped from outside (Ctrl-C, `kill`: SIGINT, SIGTERM) undoes before it
// exits: the worker threads still writing are stopped, then the temporary folders of
// results not yet moved into place are removed (staging.ts registers them, with the folders
// made for them that are still empty: a sweep's or compare's new --out). bin.ts handles the
// signals, and only while something is registered here: at any other time the signal stops
// the process at once, as it would without a handler. Work that runs while a folder is
// registered must pass a turn of the event loop now and then (runToFolderPausing, run-jobs),
// or the handler would wait for its end.

/** Stoppers of work that writes into registered folders (worker threads), run first. */
const stoppers = new Set<() => Promise<unknown>>();
/** Removers of temporary folders, run after the stoppers. */
const removers = new Set<() => void>();
let watcher: ((armed: boolean) => void) | undefined;

/** Called with true when the first remover is registered, false when the last goes (bin.ts). */
export function watchInterruptible(onChange: (armed: boolean) => void): void {
  watcher = onChange;
  onChange(removers.size > 0);
}

/** Registers a remover of a temporary folder; returns its unregistration. */
export function removeOnInterrupt(remove: () => void): () => void {
  removers.add(remove);
  if (removers.size === 1) watcher?.(true);
  return () => {
    if (removers.delete(remove) && removers.size === 0) watcher?.(false);
  };
}

/** Registers a stopper of work writing into the registered folders; returns its unregistration. */
export function stopOnInterrupt(stop: () => Promise<unknown>): () => void {
  stoppers.add(stop);
  return () => void stoppers.delete(stop);
}

/** Stops the registered work, then removes the registered folders (each failure ignored: the next write there removes what is left). */
export async function undoOnInterrupt(): Promise<void> {
  await Promise.allSettled([...stoppers].map((stop) => stop()));
  for (const remove of [...removers]) {
    try {
      remove();
    } catch {
      /* left for the next write into its folder (staging.ts removeLeftovers) */
    }
  }
}
