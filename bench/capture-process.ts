/**
 * The Teams stand-in (tests/helpers/capture-server.ts) in a process of its own, for the bot benchmark: arrivals are
 * timed by a clock the bot's work cannot stall, as Teams' would be. Prints its service URL, then serves until
 * killed; the benchmark reads arrivals and throttles it through its /_capture routes.
 */
import { startCaptureServer } from "../tests/helpers/capture-server.ts";

const capture = await startCaptureServer();
process.stdout.write(`${capture.serviceUrl}\n`);
process.on("SIGTERM", () => {
  capture.close().finally(() => process.exit(0));
});
