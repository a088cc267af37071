// Removing an old output tree off the build's critical path. A 10,000-item site is some 36,000
// files, and deleting them takes seconds that the published site does not wait for.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";

const REMOVER = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";

/**
 * Deletes `dir`, which no one reads any more (it was renamed aside), in a detached process that
 * outlives this one. A tree left behind by a remover that was killed is swept by the next digest
 * run (recoverInterrupted). Where no process can be started, it is deleted here.
 */
export function discardTree(dir: string): void {
  try {
    // No NODE_OPTIONS: the remover needs no loader.
    const env = { ...process.env, NODE_OPTIONS: "" };
    const child = spawn(process.execPath, ["-e", REMOVER, dir], { detached: true, stdio: "ignore", env });
    child.on("error", () => removeNow(dir));
    child.unref();
  } catch {
    removeNow(dir);
  }
}

function removeNow(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
