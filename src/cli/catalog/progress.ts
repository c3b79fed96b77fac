/** How far a job is: what a progress display shows. */
export interface JobProgress {
  readonly total: number;
  readonly written: number;
  readonly failed: number;
}

export interface ProgressView {
  update(progress: JobProgress): void;
  /** Leaves the terminal clean for the summary. */
  stop(): void;
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * A bar on a terminal; on anything else (a pipe, a CI log, a file) one line per tenth of the job, so that
 * the log neither floods nor stays silent for minutes.
 */
export async function progressView(stream: Stream, label: string): Promise<ProgressView> {
  return stream.isTTY ? barView(stream, label) : lineView(stream, label);
}

export function lineView(stream: NodeJS.WritableStream, label: string): ProgressView {
  // Nothing at 0%: the command has said what it starts, and a job that stops at its first answer then
  // leaves one line on stderr, the reason.
  let shownTenth = 0;
  return {
    update({ total, written, failed }) {
      const processed = written + failed;
      const tenth = total === 0 ? 10 : Math.floor((processed * 10) / total);
      if (tenth <= shownTenth) return;
      shownTenth = tenth;
      stream.write(
        `${label}: ${tenth * 10}% (${processed} of ${total}): ${written} written, ${failed} failed\n`,
      );
    },
    stop() {},
  };
}

async function barView(stream: Stream, label: string): Promise<ProgressView> {
  // Loaded here, not at start-up: only this command on a terminal draws a bar.
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {written} written, {failed} failed | ETA {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ total, written, failed }) {
      if (!started) {
        bar.start(total, written + failed, { written, failed });
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(written + failed, { written, failed });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
