/**
 * Node only (the CLI): writes a file so that a failure never leaves a partial one behind. The bytes go to a
 * temporary file in the same directory (same file system, so the rename is atomic), which is then renamed over the
 * target; on any error the temporary file is removed. The tab never imports this module.
 */
import { randomBytes } from "node:crypto";
import { accessSync, constants, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export class OutputPathError extends Error {
  readonly reason = "io" as const;
  constructor(message: string) {
    super(message);
    this.name = "OutputPathError";
  }
}

/** Checks up front that `path` can be written, so that nobody waits for SharePoint only to fail at the end. */
export function checkWritable(path: string): string {
  const target = resolve(path);
  const dir = dirname(target);
  let dirStat: ReturnType<typeof statSync>;
  try {
    dirStat = statSync(dir);
  } catch {
    throw new OutputPathError(`cannot write ${path}: the folder ${dir} does not exist`);
  }
  if (!dirStat.isDirectory()) throw new OutputPathError(`cannot write ${path}: ${dir} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new OutputPathError(`cannot write ${path}: no permission to write in ${dir}`);
  }
  try {
    const st = statSync(target);
    if (st.isDirectory()) throw new OutputPathError(`cannot write ${path}: it is a folder`);
    accessSync(target, constants.W_OK);
  } catch (err) {
    if (err instanceof OutputPathError) throw err;
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw new OutputPathError(`cannot write ${path}: the file is read-only`);
  }
  return target;
}

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const target = checkWritable(path);
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, bytes, { flag: "wx" });
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone or never created
    }
    throw new OutputPathError(`cannot write ${path}: ${(err as Error).message}`);
  }
}
