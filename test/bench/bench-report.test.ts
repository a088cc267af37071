// The bench report judges each target at the size the issues set it, and only there.
import assert from "node:assert/strict";
import { test } from "node:test";
import { sizeSection, type SizeFigures } from "../../scripts/bench/bench-report.ts";

function figures(n: number, coldMs: number, ingestMs: number, peakMiB: number): SizeFigures {
  const build = { ms: coldMs, cpuMs: coldMs, mode: "full", rendered: n, kept: 0, pages: n, items: n, stages: {}, distBytes: 0, maxRssMiB: peakMiB };
  const ingest = { items: n, ms: ingestMs, cpuMs: ingestMs, maxRssMiB: 300, failed: 0 };
  return {
    n,
    ingest,
    ingestAgain: ingest,
    cold: build,
    nightlyIngest: { ...ingest, items: 100 },
    warm: { ...build, ms: coldMs / 10, mode: "incremental" },
    bare: { ms: coldMs / 3, cpuMs: coldMs / 3, pages: n, maxRssMiB: 200 },
  };
}

const lines = (section: string) => section.split("\n").filter((line) => line.startsWith("- "));

test("at 10,000 items every target is judged", () => {
  const [cold, warm, memory, ingest] = lines(sizeSection(figures(10_000, 30_000, 9_000, 900)));
  assert.match(cold, /3\.00x\*\* \(target at most 2\.0x: \*\*not met\*\*\)/);
  assert.match(warm, /0\.10x\*\* \(target at most 0\.25x: met\)/);
  assert.match(memory, /900 MiB \(target at most 1536 MiB: met\)/);
  assert.match(ingest, /1111 items\/s \(target at least 1,000: met\), 300 MiB \(target under 500 MiB: met\)/);
});

test("at 1,000 items the figures stand beside the targets, unjudged", () => {
  const section = sizeSection(figures(1_000, 6_000, 3_000, 400));
  assert.doesNotMatch(section, /met/);
  assert.match(section, /\(target at most 2\.0x at 10,000 items\)/);
  assert.match(section, /333 items\/s \(target at least 1,000 at 10,000 items\)/);
  assert.match(section, /targets at most 1536 MiB at 10,000 items and 4096 MiB at 50,000/);
});

test("at 50,000 items only the memory target is judged, against 4 GiB", () => {
  const [cold, , memory] = lines(sizeSection(figures(50_000, 150_000, 45_000, 4_500)));
  assert.match(cold, /\(target at most 2\.0x at 10,000 items\)/);
  assert.match(memory, /4500 MiB \(target at most 4096 MiB: \*\*not met\*\*\)/);
});
