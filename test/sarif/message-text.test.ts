import { describe, expect, it } from "@jest/globals";
import type { Message } from "sarif";
import {
  fillPlaceholders,
  messageText,
  type MessageContext,
} from "../../src/sarif/message-text.js";
import { MAX_MESSAGE_LENGTH, truncateText } from "../../src/sarif/truncate-text.js";
import { onlyFinding, result } from "./sarif-snippets.js";

const context: MessageContext = {
  rule: {
    id: "R1",
    messageStrings: {
      default: { text: "Variable {0} is unused in {1}." },
      fancy: { text: "plain {0}", markdown: "**{0}** in `{1}`" },
      braces: { text: "literal {{0}} and {0}" },
    },
  },
  component: { name: "pack", globalMessageStrings: { shared: { text: "pack says {0}" } } },
  driver: {
    name: "Scanner",
    globalMessageStrings: {
      shared: { text: "driver says {0}" },
      onlyDriver: { text: "driver {0}" },
    },
  },
};

describe("messageText", () => {
  it.each<[string, Message, string]>([
    ["markdown preferred over text", { text: "t", markdown: "**m**" }, "**m**"],
    ["text when no markdown", { text: "t" }, "t"],
    ["empty markdown falls back to text", { text: "t", markdown: "" }, "t"],
    [
      "id from rule messageStrings",
      { id: "default", arguments: ["x", "f()"] },
      "Variable x is unused in f().",
    ],
    ["markdown template preferred", { id: "fancy", arguments: ["a", "b"] }, "**a** in `b`"],
    [
      "component globalMessageStrings before driver's",
      { id: "shared", arguments: ["hi"] },
      "pack says hi",
    ],
    ["driver globalMessageStrings last", { id: "onlyDriver", arguments: ["z"] }, "driver z"],
    [
      "missing argument leaves the placeholder",
      { id: "default", arguments: ["x"] },
      "Variable x is unused in {1}.",
    ],
    ["doubled braces are literal braces", { id: "braces", arguments: ["v"] }, "literal {0} and v"],
    [
      "text with arguments is a template too",
      { text: "{0} and {1}", arguments: ["a", "b"] },
      "a and b",
    ],
    ["text without arguments keeps its braces", { text: "obj {{x}} {0}" }, "obj {{x}} {0}"],
    ["unknown id falls back", { id: "nope" }, "FALLBACK"],
    ["empty message falls back", {}, "FALLBACK"],
    ["a prototype key is not a message string", { id: "toString" }, "FALLBACK"],
  ])("%s", (_name, message, expected) => {
    expect(messageText(message, context, "FALLBACK")).toBe(expected);
  });

  it("caps a 10 MB message", () => {
    const text = messageText({ text: "a".repeat(10 * 1024 * 1024) }, context, "");
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(text.endsWith("…")).toBe(true);
  });

  it("caps a template that repeats a huge argument", () => {
    const text = messageText(
      { text: "{0}".repeat(1000), arguments: ["b".repeat(1024 * 1024)] },
      context,
      "",
    );
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });
});

describe("fillPlaceholders", () => {
  it.each([
    ["{0}{0}", ["ab"], 100, "abab"],
    ["x{2}y", ["a"], 100, "x{2}y"],
    ["{0}", [42], 100, "{0}"],
    ["{{}}", [], 100, "{}"],
  ] as const)("%s with %j → %s", (template, args, max, expected) => {
    expect(fillPlaceholders(template, args, max)).toBe(expected);
  });
});

describe("truncateText", () => {
  it.each([
    ["short", 10, "short"],
    ["abcdefghij", 5, "abcd…"],
    // "😀" is a surrogate pair: cutting between its halves would leave a lone surrogate.
    ["abc😀def", 5, "abc…"],
    ["ab😀def", 5, "ab😀…"],
  ])("%s to %d → %s", (text, max, expected) => {
    const cut = truncateText(text, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });
});

describe("message through normaliseSarif", () => {
  it("fills a rule messageStrings template", () => {
    const run = {
      tool: {
        driver: { name: "S", rules: [{ id: "R1", messageStrings: { m: { text: "Bad {0}" } } }] },
      },
    };
    const finding = onlyFinding([result({ message: { id: "m", arguments: ["eval"] } })], run);
    expect(finding.message).toBe("Bad eval");
  });

  it("falls back to the rule's short description, then the rule id", () => {
    const run = {
      tool: { driver: { name: "S", rules: [{ id: "R1", shortDescription: { text: "Short" } }] } },
    };
    expect(onlyFinding([result({ message: { id: "missing" } })], run).message).toBe("Short");
    expect(onlyFinding([result({ message: { id: "missing" } })]).message).toBe("R1");
  });
});
