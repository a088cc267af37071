// Where the shared real samples and third-party feeds live (beside the checkout), and a guard
// that skips a test with a printed note when they are absent.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
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

/** A fresh folder in the system temp dir, removed when the test file's process exits. */
export async function tempDir(prefix = "gazette-"): Promise<string> {
  return removedAtExit(await mkdtemp(path.join(os.tmpdir(), prefix)));
}

export function tempDirSync(prefix = "gazette-"): string {
  return removedAtExit(mkdtempSync(path.join(os.tmpdir(), prefix)));
}

const made: string[] = [];

export function removedAtExit(dir: string): string {
  if (!made.length) {
    process.on("exit", () => {
      for (const d of made) {
        try {
          rmSync(d, { recursive: true, force: true, maxRetries: 2 });
        } catch {
          // A build's detached remover may be deleting inside it at the same moment.
        }
      }
    });
  }
  made.push(dir);
  return dir;
}
