// Prints the plain closing line "N passed, N failed" from vitest's JSON results (written by `npm test`).
import { existsSync, readFileSync } from "node:fs";

const file = "test-artifacts/vitest-results.json";
if (!existsSync(file)) {
  console.log("tests: no results file (the run stopped before the tests)");
  process.exit(0);
}
const r = JSON.parse(readFileSync(file, "utf8"));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
const status = Number(process.argv[2] ?? 0);
if (status !== 0 && r.numFailedTests === 0) {
  console.log(`npm test exited with status ${status} although no test failed: an error outside the tests (see above).`);
}
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
