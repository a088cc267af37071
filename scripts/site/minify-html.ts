// Minifies every HTML page of a built site in place. CSS was minified once already, and the
// inline <style> must stay byte-identical to match its CSP hash, so CSS/JS minification is off.
import { readFileSync, writeFileSync } from "node:fs";
import { minify, type Options } from "html-minifier-terser";
import { listHtmlFiles } from "./html-files.ts";

export const HTML_MINIFY_OPTIONS: Options = {
  collapseWhitespace: true,
  conservativeCollapse: false,
  removeComments: true,
  collapseBooleanAttributes: true,
  removeScriptTypeAttributes: true,
  minifyCSS: false,
  minifyJS: false,
  decodeEntities: false,
};

export async function minifyHtmlTree(dir: string): Promise<{ files: number; bytesBefore: number; bytesAfter: number }> {
  let bytesBefore = 0;
  let bytesAfter = 0;
  const files = listHtmlFiles(dir);
  for (const file of files) {
    const html = readFileSync(file, "utf8");
    const min = await minify(html, HTML_MINIFY_OPTIONS);
    bytesBefore += Buffer.byteLength(html);
    bytesAfter += Buffer.byteLength(min);
    writeFileSync(file, min);
  }
  return { files: files.length, bytesBefore, bytesAfter };
}
