// The site's stylesheet: plain CSS files from layouts/assets/, joined and minified once per build
// (not per page), then inlined; its hash lets the CSP allow exactly this style block.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { minify } from "html-minifier-terser";

export interface SiteCss {
  css: string;
  /** CSP source for the inline <style>: 'sha256-...'. */
  cspHash: string;
}

export async function loadSiteCss(assetsDir: string): Promise<SiteCss> {
  const files = readdirSync(assetsDir).filter((f) => f.endsWith(".css")).sort();
  const source = files.map((f) => readFileSync(path.join(assetsDir, f), "utf8")).join("\n");
  // html-minifier-terser's CSS minifier, run once on a bare <style> block.
  const wrapped = await minify(`<style>${source}</style>`, { minifyCSS: true });
  const css = wrapped.replace(/^<style>/, "").replace(/<\/style>$/, "");
  return { css, cspHash: `'sha256-${createHash("sha256").update(css).digest("base64")}'` };
}

/** The page CSP: own scripts only (plus WebAssembly for Pagefind), no inline script at all. */
export function contentSecurityPolicy(styleHash: string): string {
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    `style-src 'self' ${styleHash}`,
    // https: only until the images stage makes every image local.
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}
