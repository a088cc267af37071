// Eleventy config: wiring only. The site's logic lives in typed modules under scripts/site/
// (this file is loaded under tsx, which lets it import TypeScript).
import { configureGazette } from "./scripts/site/eleventy-setup.ts";

export default function (eleventyConfig) {
  return configureGazette(eleventyConfig);
}
