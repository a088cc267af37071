// Lists the HTML files of a built site (recursive, sorted), skipping Pagefind's own bundle:
// the pages tests check.
import { readdirSync } from "node:fs";
import path from "node:path";

export function listHtmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (!(d === dir && entry.name === "pagefind")) walk(full);
      } else if (entry.name.endsWith(".html")) out.push(full);
    }
  };
  walk(dir);
  return out.sort();
}
