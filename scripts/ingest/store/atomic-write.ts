// Write-then-rename, so a crash never leaves a half-written file where a reader would find it.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Folders made in this process: a nightly ingest writes thousands of files into a few. */
const madeDirs = new Set<string>();

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    if (!madeDirs.has(dir)) await makeDir(dir);
    try {
      await writeFile(tmp, data);
    } catch (err) {
      // The folder was removed since this process made it: make it again, once.
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      await makeDir(dir);
      await writeFile(tmp, data);
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

async function makeDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  madeDirs.add(dir);
}
