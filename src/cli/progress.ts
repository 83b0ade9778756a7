// A progress bar on stderr for runs longer than a second, only on a TTY.
//
// The bar leaves the terminal's modes alone: no hidden cursor, no line wrapping turned off.
// A run stopped with Ctrl-C dies of the signal once its temporary folder is removed (bin.ts),
// and one killed outright runs nothing at all, so a mode changed here would stay changed in
// the user's shell (cli-progress's
// `hideCursor` and its default `linewrap: false` do exactly that). With `linewrap: true`
// cli-progress 3.12 leaves wrapping on and cuts the bar to the terminal's width.

import cliProgress from 'cli-progress';

export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr): { update(fraction: number): void; stop(): void } {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const started = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(fraction: number) {
      if (!bar) {
        if (Date.now() - started < 1000) return;
        bar = new cliProgress.SingleBar(
          { format: `${label} [{bar}] {percentage}% | ETA {eta_formatted}`, stream, hideCursor: false, linewrap: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(1000, 0);
      }
      bar.update(Math.round(fraction * 1000));
    },
    stop() {
      bar?.stop();
    },
  };
}
