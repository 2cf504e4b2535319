import { describe, expect, it } from "@jest/globals";
import type { NotifyEvent } from "../../src/notify/notify-event.js";
import { slackMessage } from "../../src/notify/slack-message.js";
import { teamsMessage } from "../../src/notify/teams-card.js";

const hostile: NotifyEvent = {
  kind: "escape",
  repo: "acme/shop",
  subject: "fp@sha",
  severity: "critical",
  tool: "Semgrep <!here>",
  rule: "<https://evil.example|rule>",
  findingId: "GR-12345678",
  message: "<!channel> [click](https://evil.example) <at>Everyone</at> & more",
  context: "on main at aaaaaaa",
  links: [{ url: "https://github.com/acme/shop/blob/a/x.js#L3", label: "x.js:3" }],
};

describe("Slack message", () => {
  it("escapes every finding string and keeps Guardrail's own link live", () => {
    const message = slackMessage("acme/shop", [hostile]);
    const json = JSON.stringify(message);
    expect(json).not.toMatch(/<!channel>|<!here>|<https:\/\/evil/);
    expect(message.blocks[1]?.text?.text).toBe(
      "*Landed on the default branch unresolved* · critical · &lt;https://evil.example|rule&gt; (Semgrep &lt;!here&gt;) · GR-12345678\n" +
        "&lt;!channel&gt; [click](https://evil.example) &lt;at&gt;Everyone&lt;/at&gt; &amp; more\n" +
        "on main at aaaaaaa · <https://github.com/acme/shop/blob/a/x.js#L3|x.js:3>",
    );
    expect(message.text).toBe("Guardrail · acme/shop: 1 escape");
  });

  it("groups many events in one message with a count of the rest", () => {
    const events = Array.from({ length: 25 }, (_, i) => ({ ...hostile, subject: `s${i}` }));
    const message = slackMessage("acme/shop", events);
    expect(message.blocks).toHaveLength(22);
    expect(message.text).toBe("Guardrail · acme/shop: 25 escapes");
    expect(JSON.stringify(message.blocks[21])).toContain("and 5 more");
  });
});

describe("Teams Adaptive Card", () => {
  it("is an Adaptive Card message with escaped text and links as buttons", () => {
    const message = teamsMessage("acme/shop", [hostile]);
    const attachment = message.attachments[0];
    expect(attachment?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(attachment?.content).toMatchObject({ type: "AdaptiveCard", version: "1.4" });
    const json = JSON.stringify(message);
    expect(json).not.toContain("[click](https");
    expect(json).not.toContain("<at>");
    expect(json).toContain(String.raw`\\[click\\](https://evil.example) \\<at\\>Everyone\\</at\\>`);
    expect(json).toContain(
      '{"type":"Action.OpenUrl","title":"x.js:3","url":"https://github.com/acme/shop/blob/a/x.js#L3"}',
    );
  });
});
