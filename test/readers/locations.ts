// Where the reader tests find their inputs: the shared real samples and third-party feeds beside
// the project (absent on some machines: tests then skip), and the fixtures written for these tests.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const SHARED = path.resolve(import.meta.dirname, "../../../shared");
export const SAMPLES = path.join(SHARED, "samples");
export const FEEDS = path.join(SHARED, "feeds");
export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/readers");

export const haveSamples = existsSync(SAMPLES);
export const haveFeeds = existsSync(FEEDS);

/** Every file under a folder, recursively, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}
