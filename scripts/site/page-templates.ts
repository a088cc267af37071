// Listing and utility pages live in layouts/pages/*.njk and are added as Eleventy virtual
// templates, so content/ holds only items and data.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface TemplateHost {
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
}

/** Virtual input paths sit under a folder no content file uses. */
export const VIRTUAL_DIR = "_gazette-pages";

export function registerPageTemplates(config: TemplateHost, pagesDir: string): string[] {
  const names = readdirSync(pagesDir).filter((f) => f.endsWith(".njk")).sort();
  for (const name of names) config.addTemplate(`${VIRTUAL_DIR}/${name}`, readFileSync(path.join(pagesDir, name), "utf8"));
  return names;
}
