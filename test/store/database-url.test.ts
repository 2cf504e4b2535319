import { describe, expect, it } from "@jest/globals";
import { DEFAULT_SQLITE_PATH, parseDatabaseUrl } from "../../src/store/database-url.js";
import { openStore } from "../../src/store/open-store.js";

describe("parseDatabaseUrl", () => {
  it.each([
    [undefined, { kind: "sqlite", path: DEFAULT_SQLITE_PATH }],
    ["", { kind: "sqlite", path: "./data/guardrail.db" }],
    ["  ", { kind: "sqlite", path: "./data/guardrail.db" }],
    ["sqlite::memory:", { kind: "sqlite", path: ":memory:" }],
    ["sqlite:./var/g.db", { kind: "sqlite", path: "./var/g.db" }],
    ["sqlite:/abs/g.db", { kind: "sqlite", path: "/abs/g.db" }],
    ["sqlite:///abs/g.db", { kind: "sqlite", path: "/abs/g.db" }],
    ["file:rel/g.db", { kind: "sqlite", path: "rel/g.db" }],
    ["file:///tmp/my%20db/g.db", { kind: "sqlite", path: "/tmp/my db/g.db" }],
    ["SQLITE:/x.db", { kind: "sqlite", path: "/x.db" }],
    [
      "postgres://u:p@db:5432/guardrail",
      { kind: "postgres", connectionString: "postgres://u:p@db:5432/guardrail" },
    ],
    [
      "postgresql://db/guardrail?sslmode=require",
      { kind: "postgres", connectionString: "postgresql://db/guardrail?sslmode=require" },
    ],
  ])("%j → %j", (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each([
    ["mysql://root:hunter2@db/guardrail", /unsupported scheme mysql:/],
    ["./data/guardrail.db", /unsupported scheme \(no scheme\)/],
    ["sqlite:", /names no file path/],
    ["file:", /names no file path/],
  ])("rejects %j", (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it("never echoes a password from a rejected URL", () => {
    let message = "";
    try {
      parseDatabaseUrl("mysql://root:hunter2@db/guardrail");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/mysql:/);
    expect(message).not.toContain("hunter2");
  });

  it("makes openStore reject an unsupported URL", async () => {
    await expect(openStore("redis://localhost")).rejects.toThrow(
      /DATABASE_URL has unsupported scheme redis:/,
    );
  });
});
