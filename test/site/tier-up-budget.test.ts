// The build's raised interrupt budget (tier-up-budget.ts): V8 optimizes a function only after it
// has run 8 times as long. Each case runs in a child process that traces V8's optimizing compiler
// (synchronous, so that the trace is complete when the child exits) for one function, `hot`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { DEFAULT_INTERRUPT_BUDGET } from "../../scripts/site/build/tier-up-budget.ts";

const MODULE = new URL("../../scripts/site/build/tier-up-budget.ts", import.meta.url).href;

/** Whether V8 optimized `hot` after `calls` calls; `raise`: the child raises the budget first. */
function optimizedAfter(calls: number, raise: boolean, extraFlags: string[] = []): boolean {
  const script = [
    `import { raiseTierUpBudget } from ${JSON.stringify(MODULE)};`,
    raise ? "raiseTierUpBudget();" : "",
    "function hot(n) { let s = 0; for (let i = 0; i < 20; i++) s += (n * i) % 7; return s; }",
    `let total = 0; for (let i = 0; i < ${calls}; i++) total += hot(i);`,
    "if (total < 0) console.log(total);",
  ].join("\n");
  // Maglev (on by default in newer Node) tiers up by a budget of its own: only TurboFan is traced.
  const flags = ["--no-concurrent-recompilation", "--no-maglev", "--trace-opt", "--turbo-filter=hot", ...extraFlags];
  const out = execFileSync(process.execPath, [...flags, "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
  return /completed compiling [^\n]*JSFunction hot [^\n]*target TURBOFAN/.test(out);
}

/** The fewest calls, doubling from 25, after which V8 has optimized `hot`. */
function callsToOptimize(raise: boolean, extraFlags: string[] = []): number {
  for (let calls = 25; calls <= 102_400; calls *= 2) if (optimizedAfter(calls, raise, extraFlags)) return calls;
  throw new Error("hot was never optimized");
}

test("after raiseTierUpBudget V8 optimizes a function only once it has run 8 times as long", () => {
  const usual = callsToOptimize(false);
  // Doubling finds each threshold to within a factor of 2.
  assert.ok(!optimizedAfter(usual * 2, true), `raised budget: not yet optimized after ${usual * 2} calls`);
  assert.ok(optimizedAfter(usual * 16, true), `raised budget: optimized after ${usual * 16} calls`);
});

test("a budget given on the command line is left as it is", () => {
  const usual = callsToOptimize(false);
  assert.ok(optimizedAfter(usual, true, [`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`]));
});
