/**
 * Which headless Chromium the browser tests and benchmarks drive: `CHROMIUM_PATH` when set, otherwise the Chromium
 * that `@sparticuz/chromium` ships inside its npm package (fonts included), so `npm install && npm test` needs no
 * system browser. The package unpacks into its temporary folder; we unpack it once into node_modules/.cache under a
 * folder named by its version, atomically (unpack beside, then rename), so parallel test workers never start a
 * half-written binary and a stale copy of another version is never used.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type LaunchOptions } from "playwright-core";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

/** Flags for a quiet headless run on a closed network: without the networking ones Chromium keeps dialling out. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--no-zygote",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

interface Resolved {
  executablePath: string;
  env: Record<string, string>;
}

let resolved: Promise<Resolved> | undefined;

async function unpackBundled(): Promise<Resolved> {
  const pkgDir = join(ROOT, "node_modules", "@sparticuz", "chromium");
  const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string };
  const cacheRoot = join(ROOT, "node_modules", ".cache");
  const dir = join(cacheRoot, `eap-chromium-${version}`);
  const done = (d: string): Resolved => ({ executablePath: join(d, "chromium"), env: { FONTCONFIG_PATH: join(d, "fonts") } });
  if (existsSync(join(dir, "chromium"))) return done(dir);
  mkdirSync(cacheRoot, { recursive: true });
  const staging = mkdtempSync(join(cacheRoot, `eap-chromium-${version}-`));
  const previousTmp = process.env.TMPDIR;
  process.env.TMPDIR = staging; // the package unpacks into os.tmpdir()
  try {
    const { default: bundled } = await import("@sparticuz/chromium");
    await bundled.executablePath();
  } finally {
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
  }
  try {
    renameSync(staging, dir);
  } catch {
    // Another worker finished first: use its copy.
    rmSync(staging, { recursive: true, force: true });
  }
  return done(dir);
}

export function resolveChromium(): Promise<Resolved> {
  const fromEnv = process.env.CHROMIUM_PATH;
  resolved ??= fromEnv ? Promise.resolve({ executablePath: fromEnv, env: {} }) : unpackBundled();
  return resolved;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const { executablePath, env } = await resolveChromium();
  return chromium.launch({
    headless: true,
    ...options,
    executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    env: { ...process.env, ...env, ...(options.env ?? {}) } as Record<string, string>,
  });
}
