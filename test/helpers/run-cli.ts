// Runs one of the project's commands as a person would, and returns its exit code and output.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "../../scripts/config/paths.ts";

const run = promisify(execFile);

export async function runCli(command: "ingest" | "digest" | "build" | "bench", args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, `scripts/cli/${command}.ts`), ...args], { cwd: PROJECT_ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
