// Where the shared real samples and third-party feeds live (beside the checkout), and a guard
// that skips a test with a printed note when they are absent.
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestContext } from "node:test";

export const SHARED = path.resolve(import.meta.dirname, "../../../shared");
export const SHARED_SAMPLES = path.join(SHARED, "samples");
export const SHARED_FEEDS = path.join(SHARED, "feeds");
export const SEED = path.join(SHARED_SAMPLES, "seed", "000_c5423efe9e8af6e5.txt");

/** True when `dir` exists; otherwise marks the test skipped with a note saying why. */
export function requireShared(t: TestContext, dir: string): boolean {
  if (existsSync(dir)) return true;
  t.skip(`${dir} not found: the shared samples are not beside this checkout`);
  return false;
}

export function tempDir(prefix = "gazette-"): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}
