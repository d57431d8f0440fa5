/**
 * Node only (`eap publish`; the tab never imports it): writes a folder of files (the public page) so that a
 * failure never leaves a half-written one. The files go to a temporary folder beside the target (same file system, so renames are atomic), which is
 * then renamed into place; a previous publication in the target is moved aside first and removed only once the
 * new one is in place (put back if that fails). On any error the temporary folder is removed.
 *
 * The target must be new, empty, or a previous publication (its index.html made by this product, nothing but
 * the page's own files beside it): a folder of other things is never replaced.
 */
import { randomBytes } from "node:crypto";
import { accessSync, constants, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** The folder cannot take the publication (a reason "io", as the CLI's own output errors). */
export class PublishFolderError extends Error {
  readonly reason = "io" as const;
  constructor(message: string) {
    super(message);
    this.name = "PublishFolderError";
  }
}

export interface FolderFile {
  name: string;
  bytes: Uint8Array;
}

/** Files a publication holds: the page and its CSV, nothing else. */
const PUBLICATION_FILE = /^(index\.html|progress-\d{4}-\d{2}\.csv)$/;

function isPreviousPublication(dir: string, names: string[], generator: string): boolean {
  if (!names.includes("index.html") || !names.every((n) => PUBLICATION_FILE.test(n))) return false;
  try {
    return readFileSync(join(dir, "index.html"), "utf8").includes(`<meta name="generator" content="${generator}">`);
  } catch {
    return false;
  }
}

/** Checks up front that `path` can take the publication, so nobody waits for SharePoint only to fail at the end. */
export function checkPublishFolder(path: string, generator: string): string {
  const target = resolve(path);
  const parent = dirname(target);
  let parentStat: ReturnType<typeof statSync>;
  try {
    parentStat = statSync(parent);
  } catch {
    throw new PublishFolderError(`cannot publish to ${path}: the folder ${parent} does not exist`);
  }
  if (!parentStat.isDirectory()) throw new PublishFolderError(`cannot publish to ${path}: ${parent} is not a folder`);
  try {
    accessSync(parent, constants.W_OK);
  } catch {
    throw new PublishFolderError(`cannot publish to ${path}: no permission to write in ${parent}`);
  }
  let st: ReturnType<typeof statSync> | undefined;
  try {
    st = statSync(target);
  } catch {
    return target; // a new folder
  }
  if (!st.isDirectory()) throw new PublishFolderError(`cannot publish to ${path}: it is a file, not a folder`);
  const names = readdirSync(target);
  if (names.length > 0 && !isPreviousPublication(target, names, generator)) {
    const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? ", …" : "");
    throw new PublishFolderError(`cannot publish to ${path}: the folder holds other files (${shown}); choose a new or empty folder`);
  }
  return target;
}

/** Writes `files` as the folder `path`, all or nothing. */
export function writeFolderAtomic(path: string, files: readonly FolderFile[], generator: string): void {
  const target = checkPublishFolder(path, generator);
  const tag = randomBytes(6).toString("hex");
  const tmp = join(dirname(target), `.${basename(target)}.${tag}.tmp`);
  const old = join(dirname(target), `.${basename(target)}.${tag}.old`);
  try {
    mkdirSync(tmp);
    for (const f of files) writeFileSync(join(tmp, f.name), f.bytes, { flag: "wx" });
    let movedAside = false;
    try {
      statSync(target);
      renameSync(target, old);
      movedAside = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    try {
      renameSync(tmp, target);
    } catch (err) {
      if (movedAside) renameSync(old, target);
      throw err;
    }
    if (movedAside) rmSync(old, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw new PublishFolderError(`cannot publish to ${path}: ${(err as Error).message}`);
  }
}
