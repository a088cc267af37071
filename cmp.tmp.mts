import { load } from "cheerio";
import fs from "node:fs";
import path from "node:path";
const [a, b] = process.argv.slice(2);
const walk = (d: string, p = ""): string[] => fs.readdirSync(path.join(d, p), { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(d, path.join(p, e.name)) : e.name.endsWith(".html") ? [path.join(p, e.name)] : []);
const files = walk(a); let diff = 0, sizeA = 0, sizeB = 0;
const sig = (html: string) => { const $ = load(html); const out: string[] = []; $("*").each((_, el) => { const e = el as any; out.push(e.name + JSON.stringify(Object.entries(e.attribs ?? {}).sort())); }); return { text: $("body").text().replace(/\s+/g, " ").trim(), tags: out.join("|") }; };
// A's spaces must all be in B (B may have more: between blocks, where they do not render).
const spacesKept = (x: string, y: string) => { let j = 0; for (let i = 0; i < x.length; i++) { if (x[i] === " ") { if (y[j] !== " ") return false; j++; continue; } if (y[j] === " ") j++; if (y[j] !== x[i]) return false; j++; } return true; };
for (const f of files) {
  const A = fs.readFileSync(path.join(a, f), "utf8"); if (!fs.existsSync(path.join(b, f))) { console.log("missing", f); diff++; continue; }
  const B = fs.readFileSync(path.join(b, f), "utf8"); sizeA += A.length; sizeB += B.length;
  const sa = sig(A), sb = sig(B);
  if (!spacesKept(sa.text, sb.text) || sa.tags !== sb.tags) { if (diff++ < 3) { console.log("DIFF", f); let i = 0; const x = sa.text !== sb.text ? [sa.text, sb.text] : [sa.tags, sb.tags]; while (x[0][i] === x[1][i]) i++; console.log(sa.text !== sb.text ? "text" : "tags", i, x[0].length, x[1].length); console.log(" A:", x[0].slice(Math.max(0, i - 150), i + 150)); console.log(" B:", x[1].slice(Math.max(0, i - 150), i + 150)); } }
}
console.log({ files: files.length, diff, sizeA, sizeB });
