import { describe, expect, it } from "@jest/globals";
import { artifactLimitsFromEnv, DEFAULT_ARTIFACT_LIMITS } from "../../src/artifacts/limits.js";

describe("DEFAULT_ARTIFACT_LIMITS", () => {
  it("follows design.md", () => {
    expect(DEFAULT_ARTIFACT_LIMITS).toEqual({
      maxBytes: 100 * 1024 * 1024,
      maxUncompressedBytes: 512 * 1024 * 1024,
      maxEntries: 1000,
      maxRatio: 200,
    });
  });
});

describe("artifactLimitsFromEnv", () => {
  it("keeps the defaults when nothing is set, or a variable is empty", () => {
    expect(artifactLimitsFromEnv({})).toEqual(DEFAULT_ARTIFACT_LIMITS);
    expect(artifactLimitsFromEnv({ GUARDRAIL_ARTIFACT_MAX_RATIO: " " })).toEqual(
      DEFAULT_ARTIFACT_LIMITS,
    );
  });

  it.each([
    ["GUARDRAIL_ARTIFACT_MAX_BYTES", "maxBytes"],
    ["GUARDRAIL_ARTIFACT_MAX_UNCOMPRESSED_BYTES", "maxUncompressedBytes"],
    ["GUARDRAIL_ARTIFACT_MAX_ENTRIES", "maxEntries"],
    ["GUARDRAIL_ARTIFACT_MAX_RATIO", "maxRatio"],
  ])("reads %s into %s", (variable, key) => {
    const limits = artifactLimitsFromEnv({ [variable]: " 42 " });
    expect(limits).toEqual({ ...DEFAULT_ARTIFACT_LIMITS, [key]: 42 });
  });

  it.each(["0", "-5", "1.5", "12MB", "abc", "1e3", "99999999999999999999"])(
    "rejects %j, naming the variable",
    (value) => {
      expect(() => artifactLimitsFromEnv({ GUARDRAIL_ARTIFACT_MAX_ENTRIES: value })).toThrow(
        /GUARDRAIL_ARTIFACT_MAX_ENTRIES must be a positive integer/,
      );
    },
  );

  it("does not let a caller mutate the shared defaults", () => {
    const limits = artifactLimitsFromEnv({});
    expect(Object.isFrozen(limits)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ARTIFACT_LIMITS)).toBe(true);
  });
});
