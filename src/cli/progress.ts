/**
 * A progress bar for long writes on a terminal (cli-progress); plain lines when output is not a terminal (CI,
 * pipes), so logs stay readable.
 */
import cliProgress from "cli-progress";

export interface WriteProgress {
  update(stage: string, done: number, total: number): void;
  log(message: string): void;
  stop(): void;
}

export function writeProgress(stream: NodeJS.WriteStream = process.stderr): WriteProgress {
  if (!stream.isTTY) {
    return { update: () => {}, log: (m) => console.log(m), stop: () => {} };
  }
  const bar = new cliProgress.SingleBar({ format: "  {stage} [{bar}] {value}/{total}", stream, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic);
  let current = "";
  return {
    update(stage, done, total) {
      if (stage !== current) {
        if (current) bar.stop();
        current = stage;
        bar.start(total, done, { stage });
      } else bar.update(done);
    },
    log(message) {
      if (current) bar.stop();
      current = "";
      console.log(message);
    },
    stop: () => bar.stop(),
  };
}
