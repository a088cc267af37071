// A fixed piece of single-threaded work, timed: the bench runs it before and after its stages,
// so that a reader can tell a slow machine from a slow build. On a shared virtual machine the
// same stage takes up to twice as long from one hour to the next, and so does this probe.
import { createHash } from "node:crypto";

/** Milliseconds for an integer loop and the sha256 of 64 MiB; the best of three. */
export function cpuProbeMs(): number {
  const data = Buffer.alloc(64 * 2 ** 20, 7);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 30_000_000; i++) x = (x * 31 + i) % 1_000_003;
    createHash("sha256").update(data).update(String(x)).digest();
    best = Math.min(best, performance.now() - start);
  }
  return Math.round(best);
}
