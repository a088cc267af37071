// Generates the bundled sample images (samples/images/) so the sample digest works offline and
// carries no third-party pictures. Deterministic: each image's palette and shapes come from a hash
// of its name, so rerunning rewrites the same pictures. Run: npx tsx samples/make-images.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { prng } from "../scripts/bench/generate-items.ts";

type Scene = "skyline" | "water" | "hills" | "hall" | "grid" | "sky";

interface ImageSpec {
  name: string;
  width: number;
  height: number;
  scene: Scene;
  label: string;
  /** Extra narrower copies (`name-<width>.ext`) for srcset samples. */
  variants?: number[];
}

const OUT_DIR = path.join(import.meta.dirname, "images");

const IMAGES: ImageSpec[] = [
  { name: "harbour-cranes.jpg", width: 1200, height: 675, scene: "water", label: "Harbour cranes at dusk" },
  { name: "rail-bridge.jpg", width: 1600, height: 900, scene: "hills", label: "Rail bridge over the valley" },
  { name: "demining-robot.jpg", width: 1024, height: 683, scene: "grid", label: "Demining robot on test field" },
  { name: "council-hall.jpg", width: 1280, height: 720, scene: "hall", label: "Council hall" },
  { name: "chip-fab.jpg", width: 1200, height: 800, scene: "grid", label: "Clean room", variants: [480, 800] },
  { name: "film-festival.webp", width: 1000, height: 1400, scene: "sky", label: "Festival poster" },
  { name: "flood-street.jpg", width: 1440, height: 810, scene: "water", label: "Flooded street" },
  { name: "museum-hall.jpg", width: 900, height: 1200, scene: "hall", label: "Museum hall" },
  { name: "lighthouse.png", width: 800, height: 800, scene: "sky", label: "Lighthouse", variants: [400] },
  { name: "ferry-night.jpg", width: 1280, height: 720, scene: "water", label: "Night ferry" },
  { name: "market-stalls.jpg", width: 1100, height: 733, scene: "skyline", label: "Market stalls" },
  { name: "satellite-dish.webp", width: 1500, height: 1000, scene: "sky", label: "Ground station" },
  { name: "clinic.jpg", width: 960, height: 640, scene: "hall", label: "Rural clinic" },
  { name: "tram.jpg", width: 1200, height: 750, scene: "skyline", label: "Tram line" },
  { name: "reading-room.jpg", width: 880, height: 1100, scene: "hall", label: "Reading room" },
  { name: "video-poster.jpg", width: 1280, height: 720, scene: "skyline", label: "Video still" },
  { name: "orchard.jpg", width: 1200, height: 800, scene: "hills", label: "Orchard" },
  { name: "kite-festival-1.jpg", width: 1200, height: 800, scene: "sky", label: "Kites over the dunes" },
  { name: "kite-festival-2.jpg", width: 1200, height: 800, scene: "hills", label: "Kite makers" },
  { name: "kite-festival-3.jpg", width: 800, height: 1100, scene: "sky", label: "Dragon kite" },
  { name: "kite-festival-4.webp", width: 1200, height: 675, scene: "water", label: "Beach at sunset" },
  { name: "flood-1.jpg", width: 1200, height: 800, scene: "water", label: "River gauge" },
  { name: "flood-2.jpg", width: 1200, height: 800, scene: "skyline", label: "Sandbag line" },
  { name: "flood-3.jpg", width: 900, height: 1200, scene: "water", label: "Rescue boat" },
  { name: "flood-4.jpg", width: 1200, height: 800, scene: "hills", label: "Levee" },
  { name: "flood-5.png", width: 1000, height: 667, scene: "grid", label: "Relief map" },
  { name: "flood-6.jpg", width: 1600, height: 900, scene: "skyline", label: "Clean-up" },
];

/** FNV-1a of the name seeds the generator: the same name always draws the same picture. */
function prngFor(name: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return prng(h >>> 0);
}

function hsl(h: number, s: number, l: number): string {
  return `hsl(${Math.round(h) % 360},${Math.round(s)}%,${Math.round(l)}%)`;
}

function sceneShapes(spec: ImageSpec, rand: () => number, hue: number): string {
  const { width: w, height: h } = spec;
  const shapes: string[] = [];
  const ground = h * (0.6 + rand() * 0.15);
  switch (spec.scene) {
    case "skyline":
      for (let x = 0; x < w; ) {
        const bw = w * (0.04 + rand() * 0.08);
        const bh = h * (0.15 + rand() * 0.45);
        shapes.push(`<rect x="${x.toFixed(0)}" y="${(ground - bh).toFixed(0)}" width="${bw.toFixed(0)}" height="${bh.toFixed(0)}" fill="${hsl(hue + 200, 20, 18 + rand() * 20)}"/>`);
        x += bw + w * 0.005;
      }
      shapes.push(`<rect x="0" y="${ground.toFixed(0)}" width="${w}" height="${h - ground}" fill="${hsl(hue + 180, 15, 12)}"/>`);
      break;
    case "water":
      shapes.push(`<rect x="0" y="${ground.toFixed(0)}" width="${w}" height="${h - ground}" fill="${hsl(hue + 190, 55, 30)}"/>`);
      for (let i = 0; i < 6; i++) {
        const y = ground + ((h - ground) * (i + 1)) / 7;
        shapes.push(`<path d="M0 ${y.toFixed(0)} Q ${w / 4} ${(y - 12).toFixed(0)} ${w / 2} ${y.toFixed(0)} T ${w} ${y.toFixed(0)}" stroke="${hsl(hue + 190, 40, 55)}" stroke-width="3" fill="none" opacity="0.6"/>`);
      }
      break;
    case "hills":
      for (let i = 0; i < 3; i++) {
        const base = ground + i * h * 0.08;
        shapes.push(`<path d="M0 ${h} L0 ${base.toFixed(0)} Q ${(w * (0.2 + rand() * 0.3)).toFixed(0)} ${(base - h * 0.25).toFixed(0)} ${(w * 0.6).toFixed(0)} ${base.toFixed(0)} T ${w} ${(base - h * 0.05).toFixed(0)} L ${w} ${h} Z" fill="${hsl(hue + 90 + i * 10, 35, 35 - i * 8)}"/>`);
      }
      break;
    case "hall":
      for (let i = 0; i < 7; i++) {
        const x = (w * (i + 0.5)) / 7;
        shapes.push(`<rect x="${(x - w * 0.02).toFixed(0)}" y="${(h * 0.2).toFixed(0)}" width="${(w * 0.04).toFixed(0)}" height="${(h * 0.65).toFixed(0)}" fill="${hsl(hue + 30, 20, 80)}" opacity="0.8"/>`);
      }
      shapes.push(`<polygon points="0,${h * 0.2} ${w / 2},${h * 0.05} ${w},${h * 0.2}" fill="${hsl(hue + 30, 25, 70)}"/>`);
      break;
    case "grid":
      for (let x = 0; x < w; x += w / 12) shapes.push(`<line x1="${x.toFixed(0)}" y1="0" x2="${x.toFixed(0)}" y2="${h}" stroke="${hsl(hue + 150, 30, 70)}" stroke-width="2" opacity="0.35"/>`);
      for (let y = 0; y < h; y += h / 8) shapes.push(`<line x1="0" y1="${y.toFixed(0)}" x2="${w}" y2="${y.toFixed(0)}" stroke="${hsl(hue + 150, 30, 70)}" stroke-width="2" opacity="0.35"/>`);
      break;
    case "sky":
      for (let i = 0; i < 5; i++) {
        const cx = w * rand();
        const cy = h * rand() * 0.6;
        shapes.push(`<polygon points="${cx},${cy - 40} ${cx + 30},${cy} ${cx},${cy + 40} ${cx - 30},${cy}" fill="${hsl(hue + i * 60, 70, 60)}"/>`);
      }
      break;
  }
  // A sun or lamp: one bright circle gives every picture a focal point.
  shapes.push(`<circle cx="${(w * (0.15 + rand() * 0.7)).toFixed(0)}" cy="${(h * (0.15 + rand() * 0.25)).toFixed(0)}" r="${(Math.min(w, h) * (0.06 + rand() * 0.06)).toFixed(0)}" fill="${hsl(hue + 40, 90, 75)}" opacity="0.9"/>`);
  return shapes.join("");
}

function svgFor(spec: ImageSpec): string {
  const rand = prngFor(spec.name);
  const hue = rand() * 360;
  const { width: w, height: h } = spec;
  const fontSize = Math.round(Math.min(w, h) / 22);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="0.3" y2="1">
<stop offset="0" stop-color="${hsl(hue, 60, 72)}"/><stop offset="1" stop-color="${hsl(hue + 50, 45, 38)}"/>
</linearGradient></defs>
<rect width="${w}" height="${h}" fill="url(#bg)"/>
${sceneShapes(spec, rand, hue)}
<rect x="0" y="${h - fontSize * 2.2}" width="${w}" height="${fontSize * 2.2}" fill="black" opacity="0.35"/>
<text x="${fontSize}" y="${h - fontSize * 0.7}" font-family="DejaVu Sans, sans-serif" font-size="${fontSize}" fill="white">${spec.label} · Gazette sample</text>
</svg>`;
}

async function render(spec: ImageSpec, name = spec.name, width = spec.width): Promise<number> {
  const image = sharp(Buffer.from(svgFor(spec))).resize({ width });
  const ext = path.extname(name);
  const encoded =
    ext === ".png"
      ? image.png({ palette: true, colours: 64, compressionLevel: 9 })
      : ext === ".webp"
        ? image.webp({ quality: 60 })
        : image.jpeg({ quality: 62, mozjpeg: true });
  const buffer = await encoded.toBuffer();
  await writeFile(path.join(OUT_DIR, name), buffer);
  return buffer.length;
}

async function main(): Promise<void> {
  await mkdir(OUT_DIR, { recursive: true });
  let total = 0;
  for (const spec of IMAGES) {
    const bytes = await render(spec);
    total += bytes;
    console.log(`${spec.name.padEnd(24)} ${spec.width}x${spec.height} ${(bytes / 1024).toFixed(1)} KB`);
    for (const width of spec.variants ?? []) {
      const ext = path.extname(spec.name);
      const name = `${path.basename(spec.name, ext)}-${width}${ext}`;
      total += await render(spec, name, width);
      console.log(`${name.padEnd(24)} ${width}w`);
    }
  }
  console.log(`${IMAGES.length} images, ${(total / 1024).toFixed(0)} KB in ${OUT_DIR}`);
}

await main();
