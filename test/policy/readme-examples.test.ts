import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { parseConfig } from "../../src/config/parse-config.js";

/** The YAML blocks of README's "Policy" section, so the documented policies stay valid config. */
function policyBlocks(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(
    readme.indexOf("## Policy"),
    readme.indexOf("## What a developer reads"),
  );
  return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
}

describe("README Policy examples", () => {
  it("has the repository policy and the org enforce: file, both valid", () => {
    const blocks = policyBlocks();
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      const parsed = parseConfig(parse(block));
      expect(parsed.ok ? "ok" : parsed.error).toBe("ok");
    }
  });
});
