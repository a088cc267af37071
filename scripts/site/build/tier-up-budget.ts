// How long V8 lets code run before it optimizes it, for a build. A build runs Eleventy several
// times in each of its two threads. Every run compiles the layouts anew, and the objects of the
// run before die, taking with them the optimized code that embedded them ("weak objects"), so
// V8's optimizing compiler works through hundreds of functions again in every run. On 2 cores
// that both render, that compiling is time taken from rendering: in a cold build of 10,000 items
// V8's background threads used 21 of the process's 68 s of CPU. With 8 times V8's interrupt budget
// (the bytecode a function runs between tier-up checks) only code that stays hot is optimized:
// the background threads used 10 s, the build's thread 1.7 s more. Measured on runs of 2,453
// articles, 4 and 16 times the budget used more CPU than 8; the ingest gained nothing from it.
import v8 from "node:v8";

/** V8's default interrupt budget (Node 20), in bytes of bytecode. */
export const DEFAULT_INTERRUPT_BUDGET = 66 * 1024;
export const BUILD_INTERRUPT_BUDGET = 8 * DEFAULT_INTERRUPT_BUDGET;

let raised = false;

/**
 * Raises V8's interrupt budget for the rest of the process. V8's flags belong to the process,
 * so worker threads started afterwards have it too. A budget given on the command line wins.
 */
export function raiseTierUpBudget(): void {
  if (raised) return;
  raised = true;
  if (process.execArgv.some((arg) => /^--interrupt[-_]budget(?:=|$)/.test(arg))) return;
  v8.setFlagsFromString(`--interrupt-budget=${BUILD_INTERRUPT_BUDGET}`);
}
