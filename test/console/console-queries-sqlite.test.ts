import { describe } from "@jest/globals";
import { openStore } from "../../src/store/open-store.js";
import { consoleQueriesContract } from "./console-queries.js";

describe("console queries: sqlite", () =>
  consoleQueriesContract(() => openStore("sqlite::memory:")));
