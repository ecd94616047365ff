import cliProgress from 'cli-progress';

export interface Progress {
  /** `done` of `total` so far; the first call starts the display, and `done` reaching `total` ends it. */
  update(done: number, total: number): void;
  stop(): void;
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The progress of a long write: a bar on a terminal; elsewhere (systemd's journal, a CI log, a
 * pipe) a line at the start and at each quarter, since a bar redrawn in place is noise there.
 */
export function progressDisplay(label: string, unit: string, stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({ format: `${label} {bar} {percentage}% | {value}/{total} ${unit}`, stream, hideCursor: true }, cliProgress.Presets.shades_classic);
    let running = false;
    return {
      update(done, total) {
        if (!running) bar.start(total, done);
        else bar.update(done);
        running = true;
        // Done: the bar gives the line back at once, before anything else is printed.
        if (done >= total) this.stop();
      },
      stop() {
        if (running) bar.stop();
        running = false;
      },
    };
  }
  let quartersShown = -1;
  return {
    update(done, total) {
      const quarters = total > 0 ? Math.floor((4 * done) / total) : 4;
      if (quarters <= quartersShown) return;
      quartersShown = quarters;
      stream.write(`${label}: ${n(done)} of ${n(total)} ${unit} (${total > 0 ? Math.round((100 * done) / total) : 100} %)\n`);
    },
    stop() {},
  };
}
