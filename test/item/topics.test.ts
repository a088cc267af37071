import assert from "node:assert/strict";
import test from "node:test";
import { topicMatcher } from "../../scripts/ingest/item/topics.ts";

const none = { markers: [], categories: [], defaults: [] };

test("keyword rules: every rule with a keyword in the text, in the rules' order", () => {
  const topics = topicMatcher([
    { name: "乌克兰战事", keywords: ["乌克兰", "基辅"] },
    { name: "航天", keywords: ["发射场", "火箭"] },
    { name: "体育", keywords: ["足球"] },
  ]);
  assert.deepEqual(topics.assign({ ...none, text: "东方航天发射场附近，基辅方面表示……" }), ["乌克兰战事", "航天"]);
  assert.deepEqual(topics.assign({ ...none, text: "今日无事。" }), []);
});

test("keyword rules: a keyword inside or at the start of another rule's keyword counts for both", () => {
  const topics = topicMatcher([
    { name: "香港", keywords: ["香港"] },
    { name: "国安法", keywords: ["香港国安法"] },
    { name: "安全", keywords: ["国安"] },
  ]);
  assert.deepEqual(topics.assign({ ...none, text: "《香港国安法》实施三年" }), ["香港", "国安法", "安全"]);
  assert.deepEqual(topics.assign({ ...none, text: "香港天气" }), ["香港"]);
});

test("keyword rules: keywords are literal text, not patterns", () => {
  const topics = topicMatcher([
    { name: "C++", keywords: ["C++", "(编程)"] },
    { name: "点", keywords: ["a.b"] },
  ]);
  assert.deepEqual(topics.assign({ ...none, text: "学习 C++ 的第一天" }), ["C++"]);
  assert.deepEqual(topics.assign({ ...none, text: "axb CC (编程)" }), ["C++"]);
  assert.deepEqual(topics.assign({ ...none, text: "a.b" }), ["点"]);
});

test("markers, categories and defaults come first, through names and aliases, without repeats", () => {
  const topics = topicMatcher([
    { name: "乌克兰战事", keywords: ["乌克兰"], aliases: ["烏克蘭戰事", "Ukraine war"] },
    { name: "朝鲜", keywords: [] },
  ]);
  const assigned = topics.assign({ markers: ["烏克蘭戰事"], categories: ["ukraine WAR", "朝鲜"], defaults: ["国际"], text: "乌克兰" });
  assert.deepEqual(assigned, ["乌克兰战事", "朝鲜", "国际"]);
});

test("no keyword rules: only markers, categories and defaults", () => {
  const topics = topicMatcher([{ name: "朝鲜", keywords: [] }]);
  assert.deepEqual(topics.assign({ markers: [], categories: ["朝鲜"], defaults: [], text: "朝鲜" }), ["朝鲜"]);
  assert.deepEqual(topicMatcher([]).assign({ ...none, text: "anything" }), []);
});

test("keyword rules: keywords at the text's edges, sharing a first character, or outside the BMP", () => {
  const topics = topicMatcher([
    { name: "餐饮", keywords: ["𠮷野家"] },
    { name: "港口", keywords: ["港口"] },
    { name: "港股", keywords: ["港股"] },
    { name: "末尾", keywords: ["收盘"] },
  ]);
  assert.deepEqual(topics.assign({ ...none, text: "港股今日收盘" }), ["港股", "末尾"]);
  assert.deepEqual(topics.assign({ ...none, text: "𠮷野家在港口开店" }), ["餐饮", "港口"]);
  // A lone high surrogate is not the character it starts.
  assert.deepEqual(topics.assign({ ...none, text: "\ud842野家" }), []);
  assert.deepEqual(topics.assign({ ...none, text: "收" }), []);
});
