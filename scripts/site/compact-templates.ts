// The HTML templates, minified once per change of their source, so that pages come out compact
// without minifying every rendered page (html-minifier-terser costs 3-6 ms a page: 40 s of a
// 10,000-item build). Nunjucks tags stay opaque to the minifier, and whitespace collapses to one
// space but never disappears, so a page reads exactly as its template says (templates hold no
// <pre> or <textarea>, whose whitespace would count). Templates whose
// output is not HTML (feeds, sitemap, robots.txt) are copied as they are.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { minify, type Options } from "html-minifier-terser";

export const TEMPLATE_MINIFY_OPTIONS: Options = {
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  collapseBooleanAttributes: true,
  removeScriptTypeAttributes: true,
  minifyCSS: false,
  minifyJS: false,
  decodeEntities: false,
  // Nunjucks comments, tags and output, kept byte for byte.
  ignoreCustomFragments: [/\{#[\s\S]*?#\}/, /\{%[\s\S]*?%\}/, /\{\{[\s\S]*?\}\}/],
};

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---\r?\n/;

/** One template's source, minified if it renders HTML (see isHtmlTemplate). */
export async function compactTemplate(source: string, relPath: string): Promise<string> {
  if (!isHtmlTemplate(source, relPath)) return source;
  const frontMatter = FRONT_MATTER.exec(source)?.[0] ?? "";
  const body = source.slice(frontMatter.length);
  try {
    // The minifier leaves the whitespace around Nunjucks tags as it was; one space does the same.
    return frontMatter + (await minify(body, TEMPLATE_MINIFY_OPTIONS)).replace(/\s*\n\s*/g, " ").trim();
  } catch (error) {
    throw new Error(`layouts/${relPath}: cannot minify the template (${(error as Error).message.slice(0, 200)})`, { cause: error });
  }
}

/**
 * Layouts and partials are HTML; a page template is HTML when it renders into a layout. The rest
 * (`layout: false`: feeds, sitemap, robots.txt) keep their whitespace.
 */
export function isHtmlTemplate(source: string, relPath: string): boolean {
  if (!relPath.startsWith("pages/")) return true;
  const layout = /^layout:\s*(\S+)/m.exec(FRONT_MATTER.exec(source)?.[0] ?? "")?.[1];
  return layout !== undefined && layout !== "false";
}

/**
 * The compacted copy of every .njk under `layoutsDir`, in a folder of `cacheDir` named by a hash;
 * made once, atomically, and reused while the templates and the way they are compacted stay the same.
 */
export async function compactLayouts(layoutsDir: string, cacheDir: string): Promise<string> {
  const files = templateFiles(layoutsDir);
  const sources = files.map((rel) => readFileSync(path.join(layoutsDir, rel), "utf8"));
  // Named by what makes the copy: the sources, the options and the code that applies them.
  const hash = createHash("sha256").update(JSON.stringify(TEMPLATE_MINIFY_OPTIONS, (_k, v: unknown) => (v instanceof RegExp ? v.source : v)));
  hash.update(compactTemplate.toString());
  files.forEach((rel, i) => hash.update(`\0${rel}\0${sources[i]}`));
  const target = path.join(cacheDir, hash.digest("hex").slice(0, 16));
  if (existsSync(target)) return target;
  pruneStale(cacheDir);
  // The thread id too: the article worker may make the same copy at the same moment.
  const staging = `${target}.tmp-${process.pid}-${threadId}-${Date.now()}`;
  try {
    for (const [i, rel] of files.entries()) {
      mkdirSync(path.dirname(path.join(staging, rel)), { recursive: true });
      writeFileSync(path.join(staging, rel), await compactTemplate(sources[i], rel));
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      // A build beside this one made the same folder meanwhile: its copy is identical.
      if (!existsSync(target)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/** When a new copy is made, copies made over a week ago belong to earlier layouts: removed. */
function pruneStale(cacheDir: string): void {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(cacheDir, name);
    if (statSync(dir).mtimeMs < weekAgo) rmSync(dir, { recursive: true, force: true });
  }
}

/** The .njk files under dir, as sorted relative paths with forward slashes. */
function templateFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, rel)).isDirectory()) out.push(...templateFiles(dir, rel));
    else if (name.endsWith(".njk")) out.push(rel);
  }
  return out;
}
