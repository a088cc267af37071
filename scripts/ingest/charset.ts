// Bytes to text for every input: gunzip, then the charset from (in order) a byte-order mark, the
// HTTP Content-Type, the XML declaration or an HTML <meta>, else UTF-8. Labels map as browsers do
// (WHATWG Encoding): ISO-8859-1 means windows-1252, GB2312/GBK mean GB18030, Big5 means Big5-HKSCS.
import { gunzipSync } from "node:zlib";
import * as cheerio from "cheerio";
import iconv from "iconv-lite";

/** Thrown for bytes that are not text at all (an image, an archive, a PDF). */
export class NotTextError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotTextError";
  }
}

export interface DecodeOptions {
  /** Cap on the gunzipped size, so a small gzip bomb cannot exhaust memory. Default 64 MB. */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const SNIFF_BYTES = 1024;

const LABEL_ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", latin1: "windows-1252", "l1": "windows-1252",
  "us-ascii": "windows-1252", ascii: "windows-1252", "windows-1252": "windows-1252", cp1252: "windows-1252",
  gb2312: "gb18030", gbk: "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", cp936: "gb18030", gb18030: "gb18030",
  big5: "big5hkscs", "big5-hkscs": "big5hkscs", "x-x-big5": "big5hkscs", cp950: "big5hkscs",
  "utf8": "utf8", "utf-8": "utf8", "unicode-1-1-utf-8": "utf8",
};

/** Decodes an input's bytes. Throws NotTextError for binary data or broken gzip. */
export function decodeBytes(bytes: Uint8Array, contentType?: string, opts: DecodeOptions = {}): string {
  const data = isGzip(bytes) ? gunzip(bytes, opts.maxBytes ?? DEFAULT_MAX_BYTES) : bytes;
  const charset = sniffCharset(data, contentType);
  const bomLength = bomOf(data)?.length ?? 0;
  const body = Buffer.from(data.buffer, data.byteOffset + bomLength, data.byteLength - bomLength);
  // UTF-8, by far the most common, decodes natively (several times faster than iconv-lite).
  return charset === "utf8" ? body.toString("utf8") : iconv.decode(body, charset);
}

/** The iconv-lite charset name decodeBytes uses for these (already gunzipped) bytes. */
export function sniffCharset(bytes: Uint8Array, contentType?: string): string {
  const bom = bomOf(bytes);
  if (bom) return bom.charset;
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  if (looksBinary(bytes)) throw new NotTextError("binary data, not text");
  return (
    normalizeLabel(charsetParam(contentType)) ??
    normalizeLabel(xmlDeclaredEncoding(bytes)) ??
    normalizeLabel(htmlMetaCharset(bytes)) ??
    "utf8"
  );
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

const BINARY_MAGIC = [[0x89, 0x50, 0x4e, 0x47], [0x25, 0x50, 0x44, 0x46], [0x50, 0x4b, 0x03, 0x04], [0x47, 0x49, 0x46, 0x38], [0xff, 0xd8, 0xff]];

/** NUL bytes (or a known binary signature) near the start: no text format has them. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_MAGIC.some((magic) => magic.every((b, i) => bytes[i] === b))) return true;
  // indexOf is native: a loop over the bytes cost about 15 µs a file, 10 times as much.
  return bytes.subarray(0, 8192).indexOf(0) !== -1;
}

function gunzip(bytes: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || /larger than/i.test((err as Error).message)) {
      throw new NotTextError(`gzip data expands beyond ${maxBytes} bytes`);
    }
    throw new NotTextError(`broken gzip data: ${(err as Error).message}`);
  }
}

function bomOf(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  return undefined;
}

/** `<?` written in UTF-16 without a BOM (XML 1.0 appendix F). */
function utf16WithoutBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0 && bytes[2] === 0x3f && bytes[3] === 0) return "utf-16le";
  if (bytes[0] === 0 && bytes[1] === 0x3c && bytes[2] === 0 && bytes[3] === 0x3f) return "utf-16be";
  return undefined;
}

function charsetParam(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? "");
  return m?.[2];
}

function asciiHead(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, SNIFF_BYTES)).toString("latin1");
}

function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes).trimStart();
  if (!head.startsWith("<?xml")) return undefined;
  const decl = head.slice(0, head.indexOf("?>") + 2 || undefined);
  return /\bencoding\s*=\s*["']\s*([^"'\s]+)\s*["']/i.exec(decl)?.[1];
}

/** An HTML page's <meta charset> or http-equiv Content-Type, read with the HTML parser. */
function htmlMetaCharset(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes);
  if (!/<meta/i.test(head)) return undefined;
  const $ = cheerio.load(head);
  const direct = $("meta[charset]").first().attr("charset");
  if (direct) return direct;
  const equiv = $("meta[http-equiv]").filter((_, el) => /^content-type$/i.test($(el).attr("http-equiv") ?? ""));
  return charsetParam(equiv.first().attr("content"));
}

/** Maps a declared label to an iconv-lite name; unknown labels, and UTF-16 on 8-bit text, give undefined. */
export function normalizeLabel(label: string | undefined): string | undefined {
  const key = label?.trim().toLowerCase();
  if (!key) return undefined;
  if (LABEL_ALIASES[key]) return LABEL_ALIASES[key];
  // A declaration that says UTF-16 on text with no UTF-16 pattern is a lie (WHATWG: use UTF-8).
  if (key.startsWith("utf-16") || key.startsWith("utf16") || key === "unicode") return undefined;
  return iconv.encodingExists(key) ? key : undefined;
}
