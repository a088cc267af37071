// How long V8 lets code run before it optimizes it, chosen per workload. V8's interrupt budget is
// the bytecode a function runs between checks on whether to optimize it.
//
// A build runs Eleventy several times in each of its two threads. Every run compiles the layouts
// anew, and the objects of the run before die, taking with them the optimized code that embedded
// them ("weak objects"), so V8's optimizing compiler works through hundreds of functions again in
// every run. On 2 cores that both render, that compiling is time taken from rendering: in a cold
// build of 10,000 items V8's background threads used 21 of the process's 68 s of CPU. With 8 times
// the budget only code that stays hot is optimized: the background threads used 10 s, the build's
// thread 1.7 s more. On runs of 2,453 articles, 4 and 16 times used more CPU than 8.
//
// An ingest runs the same code from its first item to its last, so the sooner that code is
// optimized the better: with half the budget a 10,000-item ingest took 0.64 s less (6 alternating
// pairs of runs, all faster; 9 of 11 pairs in all, one a tie), and 8 times the budget gained nothing.
import v8 from "node:v8";

/** V8's default interrupt budget (Node 20), in bytes of bytecode. */
export const DEFAULT_INTERRUPT_BUDGET = 66 * 1024;
export const BUILD_INTERRUPT_BUDGET = 8 * DEFAULT_INTERRUPT_BUDGET;
export const INGEST_INTERRUPT_BUDGET = DEFAULT_INTERRUPT_BUDGET / 2;

/**
 * Sets V8's interrupt budget for the rest of the process, or until the next workload sets its
 * own (a digest ingests, then builds). V8's flags belong to the process, so worker threads
 * started afterwards have it too. A budget given on the node command line wins.
 */
export function useTierUpBudget(bytes: number): void {
  if (process.execArgv.some((arg) => /^--interrupt[-_]budget(?:=|$)/.test(arg))) return;
  v8.setFlagsFromString(`--interrupt-budget=${Math.round(bytes)}`);
}
