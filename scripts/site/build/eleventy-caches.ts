// Eleventy keeps template file contents and layouts in process-wide caches that only its watch
// mode invalidates. A second build in the same process (a test, a long-lived job) would render
// stale content, so every build starts with them emptied. They are internals (Eleventy 3.1):
// when they move, the build still runs and a repeated in-process build may read stale files.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface InputCacheHolder {
  _inputCache?: Map<string, unknown>;
}
interface LayoutCacheLike {
  removeAll?: () => void;
}

export async function clearEleventyCaches(): Promise<boolean> {
  try {
    const src = path.dirname(fileURLToPath(import.meta.resolve("@11ty/eleventy")));
    const content = (await import(pathToFileURL(path.join(src, "TemplateContent.js")).href)) as { default: InputCacheHolder };
    const layouts = (await import(pathToFileURL(path.join(src, "LayoutCache.js")).href)) as { default: LayoutCacheLike };
    content.default._inputCache?.clear();
    layouts.default.removeAll?.();
    return content.default._inputCache instanceof Map && typeof layouts.default.removeAll === "function";
  } catch {
    return false;
  }
}
