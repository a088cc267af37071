// The site's stylesheet: plain CSS files from layouts/assets/, joined and minified once per build
// (not per page) into one file named by its content, which every page links. Inlined, it made up
// 20 KB of each page: half of dist/ at 10,000 items, written and uploaded again on every change.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { minify } from "html-minifier-terser";

export interface SiteCss {
  css: string;
  /** Site path of the stylesheet, "/assets/site.<hash>.css": a new name for new content, so it can be cached for good. */
  path: string;
}

export async function loadSiteCss(assetsDir: string): Promise<SiteCss> {
  const files = readdirSync(assetsDir).filter((f) => f.endsWith(".css")).sort();
  const source = files.map((f) => readFileSync(path.join(assetsDir, f), "utf8")).join("\n");
  // html-minifier-terser's CSS minifier, run once on a bare <style> block.
  const wrapped = await minify(`<style>${source}</style>`, { minifyCSS: true });
  const css = wrapped.replace(/^<style>/, "").replace(/<\/style>$/, "");
  return { css, path: `/assets/site.${createHash("sha256").update(css).digest("hex").slice(0, 12)}.css` };
}

/** The page CSP: own scripts (plus WebAssembly for Pagefind) and own stylesheets, nothing inline. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    // https: only until the images stage makes every image local.
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}
