// A full garbage collection between Eleventy runs. V8 lets the heap grow well past the live set
// before it collects, so each run of a batched build started on the garbage of the one before:
// at 10,000 items the build peaked at 1.4 to 1.8 GiB with a live set under 0.3 GiB. Collecting
// between runs keeps the peak near one run's own working set.
import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) gc = exposedGc();
  gc?.();
}

function exposedGc(): (() => void) | null {
  const global = globalThis as { gc?: () => void };
  if (typeof global.gc === "function") return global.gc;
  try {
    // gc() without starting node with --expose-gc: the flag set at run time, gc() read from a
    // fresh context (Node warns that flags set late may not take; then there is no collection).
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
}
