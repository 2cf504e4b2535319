import { describe, expect, it } from "@jest/globals";
import { cardPlain, cardText } from "../../src/notify/card-text.js";
import { mrkdwnLink, mrkdwnText } from "../../src/notify/mrkdwn.js";

describe("Slack mrkdwn escaping", () => {
  it.each([
    ["<!channel> deploy now", "&lt;!channel&gt; deploy now"],
    ["<!here|here>", "&lt;!here|here&gt;"],
    ["<@U024BE7LH>", "&lt;@U024BE7LH&gt;"],
    [
      "<https://evil.example|click for your bonus>",
      "&lt;https://evil.example|click for your bonus&gt;",
    ],
    ["a && b < c", "a &amp;&amp; b &lt; c"],
    ["&lt;!channel&gt;", "&amp;lt;!channel&amp;gt;"],
    ["two\nlines\u202Ehidden", "two lineshidden"],
    ["plain text", "plain text"],
  ])("%j → %j", (input, expected) => {
    expect(mrkdwnText(input, 300)).toBe(expected);
  });

  it("caps length", () => {
    expect(mrkdwnText("x".repeat(500), 50).length).toBeLessThanOrEqual(50);
  });

  it.each([
    ["https://github.com/acme/shop/pull/7", "PR #7", "<https://github.com/acme/shop/pull/7|PR #7>"],
    // A label cannot close the link and open another one.
    ["https://github.com/a/b", "x>|<!channel", "<https://github.com/a/b|x&gt;|&lt;!channel>"],
    // `|` and `>` in a URL are percent-encoded, so the label stays ours.
    [
      "https://github.com/a/b/blob/s/x|y>z.js",
      "f",
      "<https://github.com/a/b/blob/s/x%7Cy%3Ez.js|f>",
    ],
    ["javascript:alert(1)", "js", "js"],
  ])("link %j %j → %j", (url, label, expected) => {
    expect(mrkdwnLink(url, label)).toBe(expected);
  });
});

describe("Adaptive Card text escaping", () => {
  it.each([
    ["[click](https://evil.example)", "\\[click\\](https://evil.example)"],
    ["<at>Everyone</at>", "\\<at\\>Everyone\\</at\\>"],
    ["**bold** _it_ ~x~ `code`", "\\*\\*bold\\*\\* \\_it\\_ \\~x\\~ \\`code\\`"],
    ["back\\slash", "back\\\\slash"],
    ["- item\n# heading", "- item # heading"],
    ["src/db.js:12", "src/db.js:12"],
  ])("%j → %j", (input, expected) => {
    expect(cardText(input, 300)).toBe(expected);
  });

  it("leaves button titles plain but clean", () => {
    expect(cardPlain("src/a_b.js:3\u202E\n", 60)).toBe("src/a_b.js:3");
  });
});
