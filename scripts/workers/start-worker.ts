// Starts a worker thread on a TypeScript entry module. Through tsx's loader a worker loads every
// module (the packages too) through the loader's hooks: the ingest's preparing worker took about
// 0.6 s to boot that way, and its work took more CPU. A bundle of the entry's project modules,
// made with esbuild and kept until one of them changes, boots in about 0.3 s; its packages stay
// outside the bundle, loaded by Node itself from node_modules as before.
//
// Starting a worker never waits for a bundle: the caller's thread may be busy for seconds right
// after (a build reads its content), and a promise would hold the worker back until then. When
// the bundle is missing or stale the worker boots through tsx from the sources, as it always
// did, and the bundle is made meanwhile for the next one.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { Plugin } from "esbuild";
import { PROJECT_ROOT } from "../config/paths.ts";

/** Inside the project, so the bundle's package imports resolve from its node_modules. */
export const WORKER_BUNDLES_DIR = path.join(PROJECT_ROOT, ".cache", "workers");

/** Changes whenever the way a bundle is made changes, so older bundles are made anew. */
const RECIPE = "1";

interface BundleStamp {
  recipe: string;
  esbuild: string;
  /** Every project module in the bundle: path relative to PROJECT_ROOT → [size, mtimeMs]. */
  inputs: Record<string, [number, number]>;
}

/** Bundles being made by this process, by path. */
const making = new Map<string, Promise<string>>();

/** A worker running `entry` (a .ts module URL); `options.workerData` reaches it as usual. */
export function startWorker(entry: URL, options: WorkerOptions = {}, bundlesDir = WORKER_BUNDLES_DIR): Worker {
  const bundle = freshBundle(entry, bundlesDir);
  if (bundle) return workerOn(bundle, { ...options, execArgv: withoutTsx(options.execArgv ?? process.execArgv) });
  // Made for the next worker; a failure (no esbuild, a read-only checkout) only means tsx again.
  bundleFor(entry, bundlesDir).catch(() => undefined);
  return new Worker(new URL("./worker-boot.mjs", import.meta.url), { ...options, workerData: { ...(options.workerData as object), entry: entry.href } });
}

/** The bundle's path when it exists and none of its modules changed since it was made. */
export function freshBundle(entry: URL, bundlesDir = WORKER_BUNDLES_DIR): string | undefined {
  const { file, stampFile } = bundlePaths(entry, bundlesDir);
  return isFresh(stampFile) ? file : undefined;
}

/** Makes the bundle (unless this process is making it already); resolves to its path. */
export function bundleFor(entry: URL, bundlesDir = WORKER_BUNDLES_DIR): Promise<string> {
  const { file } = bundlePaths(entry, bundlesDir);
  let made = making.get(file);
  if (!made) {
    made = makeBundle(entry, bundlesDir).finally(() => making.delete(file));
    making.set(file, made);
  }
  return made;
}

function bundlePaths(entry: URL, bundlesDir: string): { file: string; stampFile: string } {
  const entryFile = fileURLToPath(entry);
  const name = `${path.basename(entryFile, ".ts")}-${createHash("sha1").update(entryFile).digest("hex").slice(0, 8)}`;
  return { file: path.join(bundlesDir, `${name}.mjs`), stampFile: path.join(bundlesDir, `${name}.json`) };
}

async function makeBundle(entry: URL, bundlesDir: string): Promise<string> {
  const { file, stampFile } = bundlePaths(entry, bundlesDir);
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(entry)],
    // The metafile names its inputs relative to this, whatever the caller's working directory.
    absWorkingDir: PROJECT_ROOT,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    plugins: [moduleLocation],
  });
  const inputs: BundleStamp["inputs"] = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const stat = statSync(path.resolve(PROJECT_ROOT, input));
    inputs[input] = [stat.size, stat.mtimeMs];
  }
  // Two processes may make the same bundle at once: each writes its own file and renames it into
  // place, so a reader sees one whole bundle or the other. The stamp goes last.
  mkdirSync(bundlesDir, { recursive: true });
  const temp = `.${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(file + temp, result.outputFiles[0].contents);
  renameSync(file + temp, file);
  writeFileSync(stampFile + temp, JSON.stringify({ recipe: RECIPE, esbuild: esbuildVersion(), inputs } satisfies BundleStamp));
  renameSync(stampFile + temp, stampFile);
  return file;
}

function esbuildVersion(): string {
  return (createRequire(import.meta.url)("esbuild/package.json") as { version: string }).version;
}

function isFresh(stampFile: string): boolean {
  try {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8")) as BundleStamp;
    if (stamp.recipe !== RECIPE || stamp.esbuild !== esbuildVersion()) return false;
    return Object.entries(stamp.inputs).every(([rel, [size, mtimeMs]]) => {
      const stat = statSync(path.resolve(PROJECT_ROOT, rel));
      return stat.size === size && stat.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

/**
 * In a bundle every module would see the bundle's own `import.meta`: each project module gets its
 * source file's url, dirname and filename instead (paths.ts finds the project root by its own).
 */
const moduleLocation: Plugin = {
  name: "module-location",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const place: Record<string, string> = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
      const contents = source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key: string) => JSON.stringify(place[key]));
      return { contents, loader: /\.[cm]?ts$/.test(args.path) ? "ts" : "js" };
    });
  },
};

/**
 * A worker on `options.execArgv`, less the flags Node refuses for a worker thread: V8's and the
 * process's own (`--max-old-space-size`, `--stack-size`), which the node command line already set
 * for every thread of the process. Node names them only in its error.
 */
function workerOn(file: string, options: WorkerOptions): Worker {
  try {
    return new Worker(file, options);
  } catch (error) {
    const refused = /^Initiated Worker with invalid execArgv flags: (.+)$/.exec((error as Error).message)?.[1];
    if ((error as NodeJS.ErrnoException).code !== "ERR_WORKER_INVALID_EXEC_ARGV" || !refused) throw error;
    const drop = new Set(refused.split(", "));
    return new Worker(file, { ...options, execArgv: options.execArgv?.filter((arg) => !drop.has(arg)) });
  }
}

/** tsx's own flags: a bundle is plain JavaScript, and loading tsx in the worker costs its boot. */
function withoutTsx(execArgv: string[]): string[] {
  const namesTsx = (value: string) => value === "tsx" || value.startsWith("tsx/") || /[\\/]node_modules[\\/]tsx[\\/]/.test(value);
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = /^--(?:require|import|loader)(?:=(.*))?$/.exec(execArgv[i]);
    if (flag && namesTsx(flag[1] ?? execArgv[i + 1] ?? "")) {
      if (flag[1] === undefined) i++;
      continue;
    }
    kept.push(execArgv[i]);
  }
  return kept;
}
