import { describe, expect, it } from "@jest/globals";
import { HOSTILE } from "./factory.js";
import { expectInert } from "./inert.js";

describe("expectInert (the checker the other tests rely on)", () => {
  it.each(
    Object.entries(HOSTILE).filter(([name]) => !["heading", "fence", "marker"].includes(name)),
  )("rejects raw %s", (_name, text) => {
    expect(() => expectInert(text)).toThrow();
  });

  it("rejects a fence breakout and a marker that is not the last line", () => {
    expect(() => expectInert(`\`\`\`\n${HOSTILE.fence ?? ""}\n\`\`\``)).toThrow();
    expect(() => expectInert(`${HOSTILE.marker ?? ""}\ntext`)).toThrow();
  });

  it("accepts plain prose, code and our own tags", () => {
    expect(() =>
      expectInert(
        "text `@user <b>` and\n```\n<img> @here\n```\n<details>\n<summary>x</summary>\n\n</details>",
      ),
    ).not.toThrow();
  });
});
