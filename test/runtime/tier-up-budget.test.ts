// The interrupt budgets of tier-up-budget.ts: after the build's, V8 optimizes a function only once
// it has run 8 times as long; after the ingest's, once it has run half as long. Each case runs in
// a child process that traces V8's optimizing compiler (synchronous, so that the trace is complete
// when the child exits) for one function, `hot`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { DEFAULT_INTERRUPT_BUDGET } from "../../scripts/runtime/tier-up-budget.ts";

const MODULE = new URL("../../scripts/runtime/tier-up-budget.ts", import.meta.url).href;

type Budget = "BUILD_INTERRUPT_BUDGET" | "INGEST_INTERRUPT_BUDGET";

/** Whether V8 optimized `hot` after `calls` calls; `budget`: the child sets that budget first. */
function optimizedAfter(calls: number, budget?: Budget, extraFlags: string[] = []): boolean {
  const script = [
    `import * as tierUp from ${JSON.stringify(MODULE)};`,
    budget ? `tierUp.useTierUpBudget(tierUp.${budget});` : "",
    "function hot(n) { let s = 0; for (let i = 0; i < 20; i++) s += (n * i) % 7; return s; }",
    `let total = 0; for (let i = 0; i < ${calls}; i++) total += hot(i);`,
    "if (total < 0) console.log(total);",
  ].join("\n");
  // Maglev (on by default in newer Node) tiers up by a budget of its own: only TurboFan is traced.
  const flags = ["--no-concurrent-recompilation", "--no-maglev", "--trace-opt", "--turbo-filter=hot", ...extraFlags];
  const out = execFileSync(process.execPath, [...flags, "--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
  return /completed compiling [^\n]*JSFunction hot [^\n]*target TURBOFAN/.test(out);
}

/**
 * With V8's default budget: the most calls (doubling from 25) after which `hot` was not yet
 * optimized, and the fewest after which it was.
 */
function defaultThreshold(): { notYet: number; done: number } {
  let notYet = 0;
  for (let calls = 25; calls <= 102_400; calls *= 2) {
    if (optimizedAfter(calls)) {
      // hot's loop runs long enough that V8 never optimizes it within 25 calls.
      assert.ok(notYet > 0, `hot was optimized within ${calls} calls`);
      return { notYet, done: calls };
    }
    notYet = calls;
  }
  throw new Error("hot was never optimized");
}

test("with the build's budget V8 optimizes a function only once it has run 8 times as long", () => {
  const { done } = defaultThreshold();
  // Doubling finds the threshold to within a factor of 2.
  assert.ok(!optimizedAfter(done * 2, "BUILD_INTERRUPT_BUDGET"), `build budget: not yet optimized after ${done * 2} calls`);
  assert.ok(optimizedAfter(done * 16, "BUILD_INTERRUPT_BUDGET"), `build budget: optimized after ${done * 16} calls`);
});

test("with the ingest's budget V8 optimizes a function once it has run half as long", () => {
  // The default threshold to within 1/16, by halving the interval doubling left.
  let { notYet, done } = defaultThreshold();
  while (done - notYet > done / 16) {
    const mid = Math.round((notYet + done) / 2);
    if (optimizedAfter(mid)) done = mid;
    else notYet = mid;
  }
  // 0.6 of the default threshold: half, and room for the calls V8 counts apart from the budget.
  const calls = Math.ceil(done * 0.6);
  assert.ok(!optimizedAfter(calls), `default budget: not yet optimized after ${calls} calls`);
  assert.ok(optimizedAfter(calls, "INGEST_INTERRUPT_BUDGET"), `ingest budget: optimized after ${calls} calls`);
});

test("a budget given on the command line is left as it is", () => {
  const { notYet, done } = defaultThreshold();
  const given = [`--interrupt-budget=${DEFAULT_INTERRUPT_BUDGET}`];
  assert.ok(optimizedAfter(done, "BUILD_INTERRUPT_BUDGET", given), `build budget under ${given[0]}: optimized after ${done} calls`);
  assert.ok(!optimizedAfter(notYet, "INGEST_INTERRUPT_BUDGET", given), `ingest budget under ${given[0]}: not yet optimized after ${notYet} calls`);
});
