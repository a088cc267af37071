// Well-formedness of an XML document: fast-xml-parser's validator (tags, nesting, attributes,
// bare & and <), plus the rules it does not check: only XML 1.0 characters, only the five
// predefined or numeric entity references, no "]]>" in text, one root, declared prefixes.
import { XMLValidator } from "fast-xml-parser";

const BAD_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const result = XMLValidator.validate(text);
  if (result !== true) problems.push(`${result.err.code} at ${result.err.line}:${result.err.col}: ${result.err.msg}`);
  const bad = BAD_CHAR.exec(text);
  if (bad) problems.push(`character U+${bad[0].codePointAt(0)?.toString(16)} not allowed in XML`);
  for (const m of text.matchAll(/&([^;\s]*);?/g)) {
    if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(`${m[1]};`) || !m[0].endsWith(";")) problems.push(`bad entity reference ${m[0]}`);
  }
  const withoutCdata = text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  if (withoutCdata.includes("]]>")) problems.push(`"]]>" outside a CDATA section`);
  const body = withoutCdata.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "").trim();
  const rootName = /^<([^\s/>]+)/.exec(body)?.[1];
  if (!rootName || !body.endsWith(`</${rootName}>`)) problems.push("not a single root element");
  const declared = new Set(["xml", ...[...text.matchAll(/xmlns:([\w.-]+)=/g)].map((m) => m[1])]);
  for (const m of withoutCdata.matchAll(/<\/?([\w.-]+):[\w.-]+|\s([\w.-]+):[\w.-]+="/g)) {
    const prefix = m[1] ?? m[2];
    if (prefix !== "xmlns" && !declared.has(prefix)) problems.push(`undeclared prefix ${prefix}`);
  }
  return [...new Set(problems)];
}
