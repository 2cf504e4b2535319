import { mkdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { chromiumAvailable, CHROMIUM_PATH, LAUNCH_OPTIONS } from "./browser.js";
import { startConsole, type ConsoleHarness } from "./console-harness.js";
import { HOSTILE, seedConsole } from "./console-seed.js";
import { seedVolume } from "./console-volume.js";

/** Set GUARDRAIL_SCREENSHOTS=docs to refresh the README's screenshots from this run. */
const SCREENSHOTS = process.env.GUARDRAIL_SCREENSHOTS;

if (!chromiumAvailable()) {
  console.warn(
    `console browser tests SKIPPED: no chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
  describe("console in a real browser", () => {
    it.skip(`skipped: no chromium at ${CHROMIUM_PATH}`, () => undefined);
  });
} else {
  let h: ConsoleHarness;
  let browser: Browser;
  let dialogs: string[] = [];
  let problems: string[] = [];

  const signedIn = async (login: string): Promise<{ context: BrowserContext; page: Page }> => {
    dialogs = [];
    problems = [];
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    // CSP violations and script errors surface as console errors; failed loads are checked by URL
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
        problems.push(`console: ${m.text()}`);
      }
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/favicon.ico"))
        problems.push(`${r.status()} ${r.url()}`);
    });
    h.github.signInAs(login);
    await page.goto(`${h.base}/console`);
    return { context, page };
  };

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    h = await startConsole();
    const now = Date.now();
    await seedConsole(h.guardrail.deps.store, now);
    await seedVolume(h.guardrail.deps.store, now);
    browser = await chromium.launch(LAUNCH_OPTIONS);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.stop();
    nock.enableNetConnect();
  });

  describe("console in a real browser (Debian chromium, playwright-core)", () => {
    it("signs in through GitHub's web flow and sees only her repositories, chart drawn", async () => {
      const { context, page } = await signedIn("alice");
      expect(page.url()).toBe(`${h.base}/console`);
      await expect(page.locator("h1").textContent()).resolves.toBe("Organisation overview");
      const repos = await page.locator("table.list tbody td:first-child a").allTextContents();
      expect(repos.sort()).toEqual(["Acme/API", "acme/shop"]);
      expect(await page.content()).not.toMatch(/secret/i);
      await page.locator('#trend-chart[data-drawn="true"] canvas').waitFor();
      await context.close();
    });

    it("reads the register: hostile text shown as text, no script runs, no dialog", async () => {
      const { context, page } = await signedIn("alice");
      await page.goto(`${h.base}/console/suppressions`);
      const cells = await page.locator("table.register td.text").allTextContents();
      expect(cells).toContain(HOSTILE.justification);
      expect(cells).toContain(HOSTILE.formula);
      await page.goto(`${h.base}/console/repos/acme/shop`);
      expect(await page.locator("td.text").allTextContents()).toContain(HOSTILE.message);
      expect(await page.locator("code").allTextContents()).toContain(HOSTILE.rule);
      await page.goto(`${h.base}/console/repos/acme/shop/findings/GR-5a0b0001`);
      expect(await page.evaluate(() => (globalThis as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(await page.locator("script:not([src])").count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });

    it("downloads the register as CSV", async () => {
      const { context, page } = await signedIn("alice");
      await page.goto(`${h.base}/console/suppressions`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click("text=Download CSV"),
      ]);
      expect(download.suggestedFilename()).toBe("guardrail-suppressions.csv");
      const csv = readFileSync((await download.path()) ?? "", "utf8");
      expect(csv.split("\r\n")[0]).toContain("repository,finding,scope");
      expect(csv).toContain(`"'=HYPERLINK(`);
      expect(csv).not.toContain("SECRET");
      await context.close();
    });

    it("answers 404 for a repository she cannot see and 302 to sign-in without a session", async () => {
      const { context, page } = await signedIn("alice");
      expect((await page.goto(`${h.base}/console/repos/acme/secret`))?.status()).toBe(404);
      expect(await page.locator("h1").textContent()).toBe("Not found");
      const anonymous = await browser.newContext();
      const res = await anonymous.request.get(`${h.base}/console/suppressions`, {
        maxRedirects: 0,
      });
      expect(res.status()).toBe(302);
      expect(res.headers()["location"]).toBe("/console/login?next=%2Fconsole%2Fsuppressions");
      await anonymous.close();
      await context.close();
    });

    it("renders the overview and register for a security lead (screenshots)", async () => {
      const { context, page } = await signedIn("sec-lead");
      await page.locator('#trend-chart[data-drawn="true"] canvas').waitFor();
      expect(await page.locator("table.list tbody tr").count()).toBe(7);
      if (SCREENSHOTS) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.screenshot({ path: `${SCREENSHOTS}/console-overview.png`, fullPage: true });
        await page.goto(`${h.base}/console/suppressions`);
        await page.screenshot({ path: `${SCREENSHOTS}/console-suppressions.png`, fullPage: true });
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  });
}
