import { describe, expect, it } from "vitest";
import { pickLocale, sanitiseBlocks } from "./editorial.js";

describe("sanitiseBlocks", () => {
  it("keeps known blocks and safe links, drops everything else", () => {
    const clean = sanitiseBlocks([
      {
        type: "paragraph",
        children: [
          { type: "text", text: "Hei", bold: true },
          { type: "link", url: "javascript:alert(1)", children: [{ type: "text", text: "x" }] },
        ],
      },
      { type: "script", children: [{ type: "text", text: "alert(1)" }] },
      { type: "heading", level: 1, children: [{ type: "text", text: "Otsikko" }] },
      {
        type: "paragraph",
        children: [{ type: "link", url: "https://thl.fi", children: [{ type: "text", text: "THL" }] }],
      },
    ]);
    expect(clean).toEqual([
      {
        type: "paragraph",
        children: [
          { type: "text", text: "Hei", bold: true },
          { type: "paragraph", children: [{ type: "text", text: "x" }] },
        ],
      },
      { type: "heading", level: 2, children: [{ type: "text", text: "Otsikko" }] },
      {
        type: "paragraph",
        children: [{ type: "link", url: "https://thl.fi", children: [{ type: "text", text: "THL" }] }],
      },
    ]);
  });
});

describe("pickLocale", () => {
  it("prefers the reader's language and falls back to Finnish", () => {
    const items = [
      { documentId: "a", locale: "fi", title: "fi-a" },
      { documentId: "a", locale: "sv", title: "sv-a" },
      { documentId: "b", locale: "fi", title: "fi-b" },
    ];
    expect(
      pickLocale(items, "sv")
        .map((i) => i.title)
        .sort(),
    ).toEqual(["fi-b", "sv-a"]);
    expect(
      pickLocale(items, "en")
        .map((i) => i.title)
        .sort(),
    ).toEqual(["fi-a", "fi-b"]);
  });
});
