// Custom elements (names with a hyphen: RFI's <share-button>, <share-modal>) are widgets that
// need their script; without it they show nothing useful.
import { count, type CleanRule } from "../context.ts";
import { descendants } from "../dom.ts";
import { remove } from "../mutate.ts";

export const dropCustomElements: CleanRule = (ctx) => {
  const custom = descendants(ctx.root, (el) => el.name.includes("-"));
  count(ctx, "removed custom element", custom.length);
  remove(custom);
};
