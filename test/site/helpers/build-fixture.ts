// Builds the fictional fixture content (optionally with site.json overrides) into a temp dir.
import path from "node:path";
import { buildSite, type BuildResult } from "../../../scripts/site/build-site.ts";
import { writeFixtureContent } from "../../fixtures/site/write-fixture-content.ts";
import { tempDirSync } from "../../helpers/shared.ts";

export interface BuiltFixture {
  root: string;
  contentDir: string;
  dist: string;
  result: BuildResult;
}

export async function buildFixtureSite(siteOverrides: Record<string, unknown> = {}): Promise<BuiltFixture> {
  const root = tempDirSync("gazette-site-");
  const contentDir = path.join(root, "content");
  writeFixtureContent(contentDir, siteOverrides);
  const dist = path.join(root, "dist");
  const result = await buildSite({ contentDir, outputDir: dist, quiet: true });
  return { root, contentDir, dist, result };
}
