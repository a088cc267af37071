// What an image src names, decided before anything is fetched: an http(s) URL on a host that may
// be public, a bundled file inside an allowed folder, or something refused (other schemes, files
// elsewhere, IP literals or special-use names that can only mean a private host).
import { realpathSync, statSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isPublicAddress } from "./address-policy.ts";

export type ImageSource =
  | { kind: "remote"; key: string; url: URL }
  | { kind: "local"; key: string; file: string }
  | { kind: "refused"; key: string; reason: string };

export interface SourcePolicy {
  allowPrivateHosts: boolean;
  /** Absolute folders file:// images may come from. */
  localRoots: string[];
}

const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"]);
/** Names that never reach a public host (RFC 6761, RFC 8375, common internal suffixes). */
const PRIVATE_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|corp)\.?$/i;

/** The key an image is cached and looked up under: the URL as the WHATWG parser writes it. */
export function imageKey(src: unknown): string | undefined {
  if (typeof src !== "string" || src.trim() === "") return undefined;
  try {
    return new URL(src.trim()).href;
  } catch {
    return undefined;
  }
}

export function classifyImageSource(src: unknown, policy: SourcePolicy): ImageSource | undefined {
  const key = imageKey(src);
  if (!key) return undefined;
  const url = new URL(key);
  if (url.protocol === "file:") return classifyFile(key, url, policy.localRoots);
  if (url.protocol !== "http:" && url.protocol !== "https:") return { kind: "refused", key, reason: `scheme ${url.protocol} not allowed` };
  if (url.username || url.password) return { kind: "refused", key, reason: "credentials in URL" };
  if (!policy.allowPrivateHosts) {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(host) && !isPublicAddress(host)) return { kind: "refused", key, reason: `non-public address ${host}` };
    if (!isIP(host) && (PRIVATE_NAME.test(host) || !host.includes("."))) return { kind: "refused", key, reason: `private host name ${host}` };
  }
  return { kind: "remote", key, url };
}

function classifyFile(key: string, url: URL, roots: string[]): ImageSource {
  let file: string;
  try {
    if (url.host !== "") throw new Error("remote file host");
    file = realpathSync(fileURLToPath(url));
  } catch {
    return { kind: "refused", key, reason: "local file not found" };
  }
  if (!IMAGE_EXTENSIONS.has(path.extname(file).toLowerCase())) return { kind: "refused", key, reason: "local file is not an image" };
  // Symlinks are resolved first, so a link inside a root cannot point outside it.
  const inside = roots.some((root) => isInside(file, root));
  if (!inside) return { kind: "refused", key, reason: "local file outside the allowed folders" };
  if (!statSync(file).isFile()) return { kind: "refused", key, reason: "local path is not a file" };
  return { kind: "local", key, file };
}

function isInside(file: string, root: string): boolean {
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    return false;
  }
  const rel = path.relative(real, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}
