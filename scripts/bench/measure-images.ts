// One benchmark stage in its own process: the images stage on generated local images, cold (every
// derivative encoded) and warm (nothing encoded), printed as JSON with the peak memory.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { contentPaths } from "../config/paths.ts";
import { fetchImages } from "../images/fetch-images.ts";
import { ingest } from "../ingest/ingest.ts";
import { initContentDir } from "./bench-content.ts";

const [workDir, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 40);
const images = path.join(workDir, "images");
const items = path.join(workDir, "items");
const content = path.join(workDir, "content");
await rm(workDir, { recursive: true, force: true });
await mkdir(images, { recursive: true });
await mkdir(items, { recursive: true });

// Photograph-like originals: smooth gradients with noise, 1600 px wide, as a news photo would be.
for (let i = 0; i < count; i++) {
  const width = 1600;
  const height = 900 + (i % 3) * 150;
  const noise = await sharp({ create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 120 + (i % 7) * 10, sigma: 40 } } }).jpeg().toBuffer();
  await sharp(noise).blur(2).modulate({ hue: (i * 37) % 360 }).jpeg({ quality: 85 }).toFile(path.join(images, `photo-${i}.jpg`));
  const body = `<img src="../images/photo-${i}.jpg"><div><small>示例图片 ${i}</small></div><p>第 ${i} 条示例新闻的正文。</p>`;
  await writeFile(path.join(items, `${i}.md`), `<!--${1732400000000 + i * 60000}-->\n[图片示例 ${i}](https://news.example.org/photo/${i})\n------\n\n${body}\n`);
}

await initContentDir(content, path.join(workDir, "image-cache"));
const paths = contentPaths(content);
const site = JSON.parse(await readFile(paths.siteConfig, "utf8")) as { images: Record<string, unknown> };
site.images.localRoots = [images];
await writeFile(paths.siteConfig, JSON.stringify(site));
await ingest({ paths, inputs: [{ location: items, sourceId: "photos" }], timezone: "Asia/Shanghai", workers: 0 });

const timed = async () => {
  const start = performance.now();
  const report = await fetchImages({ contentDir: content, outputDir: path.join(workDir, "dist") });
  return { ms: Math.round(performance.now() - start), encoded: report.encoded, reused: report.reused, failed: report.failed.length };
};
const cold = await timed();
const warm = await timed();
process.stdout.write(`${JSON.stringify({ images: count, cold, warm, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
