// Nunjucks templates compiled once per Eleventy run. Eleventy 3.1 keeps no compiled Nunjucks
// template between the pages of a paginated template: each day, topic and source page compiled
// its template, permalink and title again (about 2,700 listing pages, some 4 s of a 10,000-item
// build). This renders .njk with Eleventy's own Nunjucks environment, each template string
// compiled once.
import { types } from "node:util";
import nunjucks from "nunjucks";

interface ExtensionHost {
  on(event: string, fn: (...args: never[]) => unknown): void;
  addExtension(name: string, options: Record<string, unknown>): void;
}

type Render = (data: object) => Promise<string>;

export function compileNunjucksOnce(config: ExtensionHost): void {
  let env: nunjucks.Environment | undefined;
  config.on("eleventy.engine.njk", ((event: { environment: nunjucks.Environment }) => {
    env = event.environment;
  }) as never);
  const compiled = new Map<string, Render>();
  const compile = (str: string, inputPath: string): Render => {
    const key = `${inputPath}\0${str}`;
    let render = compiled.get(key);
    if (!render) {
      if (!env) throw new Error("Eleventy's Nunjucks environment is not ready");
      const template = new nunjucks.Template(str, env, inputPath, true);
      render = (data) => new Promise((resolve, reject) => template.render(plainData(data), (err, out) => (err ? reject(err) : resolve(out ?? ""))));
      compiled.set(key, render);
    }
    return render;
  };
  config.addExtension("njk", {
    compile,
    // Permalinks and computed titles are Nunjucks strings too, the same for every page.
    compileOptions: { permalink: (str: unknown, inputPath: string) => (typeof str === "string" ? compile(str, inputPath) : str) },
  });
}

/**
 * A paginated page's data is a Proxy over its pagination data and its template's (Eleventy's
 * ProxyWrap), and Nunjucks copies the data it renders key by key, checking each key: through the
 * proxy, three traps a key. A plain copy made here costs two, and Nunjucks copies that directly.
 */
function plainData(data: object): object {
  if (!types.isProxy(data)) return data;
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(data)) plain[key] = (data as Record<string, unknown>)[key];
  return plain;
}
