// DW marks topics in the text with <span data-type="AUTO_TOPIC">: the text becomes a topic and
// stays in the sentence; the span goes.
import { count, type CleanRule } from "../context.ts";
import { descendants, textOf } from "../dom.ts";
import { unwrap } from "../mutate.ts";

export const extractTopics: CleanRule = (ctx) => {
  const markers = descendants(ctx.root, (el) => el.attribs["data-type"]?.toUpperCase() === "AUTO_TOPIC");
  for (const marker of markers) {
    const topic = textOf(marker);
    if (topic && !ctx.out.topics.includes(topic)) ctx.out.topics.push(topic);
    unwrap(marker);
    count(ctx, "lifted topic marker");
  }
};
