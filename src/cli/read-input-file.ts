/**
 * Reading a file an import command was given: a clear message for a missing file, a folder or one over the size
 * limit, before anything else is read or written.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { formatBytes, MAX_FILE_BYTES } from "../import/limits.ts";
import { CliError } from "./errors.ts";

export async function readInputFile(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new CliError("io", `"${file}" is not a file.`);
    size = s.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError("io", `Cannot read "${file}": ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}.`);
  }
  if (size > MAX_FILE_BYTES) throw new CliError("invalid-input", `"${basename(file)}" is ${formatBytes(size)}; the limit is ${formatBytes(MAX_FILE_BYTES)}. Nothing was written.`);
  return new Uint8Array(await readFile(file));
}
