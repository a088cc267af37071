// Eleventy config: wiring only. The site's logic lives in typed modules under scripts/site/.
// A build hands over its own configure function (its threads may run from a bundle, without
// tsx: scripts/workers/start-worker.ts); Eleventy's own CLI, run under tsx, imports it.
export default async function (eleventyConfig) {
  const configure = eleventyConfig.gazette?.configure ?? (await import("./scripts/site/eleventy-setup.ts")).configureGazette;
  return configure(eleventyConfig);
}
