/** What the CLI tells the operator besides its output: configuration warnings, on stderr. */
import { type ConfigWarning, describeWarning } from "../config/config-error.ts";

export function printWarnings(warnings: readonly ConfigWarning[], stream: NodeJS.WritableStream = process.stderr): void {
  for (const w of warnings) stream.write(`eap: ${describeWarning(w)}\n`);
}
