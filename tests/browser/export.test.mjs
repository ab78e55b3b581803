// Browser tests of the static export (`llmgallery build --out DIR`), opened from file:// as a user would
// open the folder: the index sorts and filters in the browser, a diff that was not pre-rendered is drawn
// in the browser, a pre-rendered one opens its page. The export comes from LLMG_EXPORT, or this file
// writes one with LLMG_BINARY (default ../../build/llmgallery).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const binary = process.env.LLMG_BINARY ?? new URL("../../build/llmgallery", import.meta.url).pathname;
const shots = process.env.LLMG_SCREENSHOTS ?? "/tmp/llmg-screenshots";
let dir = process.env.LLMG_EXPORT;
let browser;

before(async () => {
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), "llmg-export-"));
    execFileSync(binary, ["build", "--out", dir]);
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
  });
  mkdirSync(shots, { recursive: true });
});

after(async () => { await browser?.close(); });

async function open(path) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("file://" + join(dir, path));
  await page.waitForLoadState("domcontentloaded");
  return { page, errors };
}

test("export index filters and sorts from the URL, in the browser", async () => {
  const { page, errors } = await open("index.html?type=hybrid&sort=total&order=asc");
  const catalog = await page.evaluate(() => Object.keys(window.LLMG_SITE.models).length);
  await page.waitForFunction((n) => !new RegExp(`Showing ${n} of`).test(document.getElementById("count").textContent), catalog);
  const shown = await page.$$eval(".cards .card:not([hidden])", (cards) => cards.map((c) => c.dataset.slug));
  assert.ok(shown.length > 0 && shown.length < catalog, `hybrids shown: ${shown.length}`);
  assert.ok(shown.includes("qwen3-next-80b-a3b"));
  assert.ok(!shown.includes("llama-3-8b"), "a dense model passed the hybrid filter");
  const totals = await page.evaluate((slugs) => slugs.map((s) => window.LLMG_SITE.models[s].total), shown);
  assert.deepEqual(totals, [...totals].sort((a, b) => a - b), "not in ascending order of total parameters");
  assert.match(await page.textContent("#count"), new RegExp(`Showing ${shown.length} of ${catalog}`));
  await page.screenshot({ path: join(shots, "export-index-hybrid.png") });
  assert.deepEqual(errors, []);
});

test("export index form applies filters without a server", async () => {
  const { page, errors } = await open("index.html");
  await page.fill("#q", "deepseek");
  await page.selectOption("#sort", "name");
  await page.selectOption("#order", "asc");
  await page.click("form.filters button[type=submit]");
  await page.waitForFunction(() => /[?&]sort=name/.test(window.location.search) && /order=asc/.test(window.location.search));
  const shown = await page.$$eval(".cards .card:not([hidden])", (cards) => cards.map((c) => c.dataset.slug));
  const search = await page.evaluate((slugs) => slugs.map((s) => window.LLMG_SITE.models[s].search), shown);
  const catalog = await page.evaluate(() => Object.keys(window.LLMG_SITE.models).length);
  assert.ok(shown.length >= 3 && shown.length < catalog, shown.join(", "));
  assert.ok(search.every((text) => text.includes("deepseek")), "a shown model does not mention deepseek");
  // Known architectures by name, then the unknown ones (the server's rule: unknowns are listed last).
  const models = await page.evaluate((slugs) => slugs.map((s) => window.LLMG_SITE.models[s]), shown);
  const firstUnknown = models.findIndex((m) => !m.known);
  if (firstUnknown >= 0) assert.ok(models.slice(firstUnknown).every((m) => !m.known), "a known model after an unknown one");
  const known = models.filter((m) => m.known).map((m) => m.name.toLowerCase());
  assert.deepEqual(known, [...known].sort(), "not sorted by name");
  assert.match(page.url(), /q=deepseek/);
  assert.deepEqual(errors, []);
});

test("export diff of a pair no page links to is drawn in the browser", async () => {
  const { page, errors } = await open("diff.html?a=gpt-2-xl-1-5b&b=qwen3-next-80b-a3b");
  await page.waitForSelector("#client-diff table.diff");
  assert.match(await page.textContent("main h1"), /GPT-2 XL.*vs.*Qwen3 Next/);
  assert.match(await page.textContent("#client-diff .summary"), /Gated DeltaNet/);
  const rows = await page.$$eval("#client-diff table.diff tbody tr.differs", (r) => r.length);
  assert.ok(rows > 5, `differing rows: ${rows}`);
  const strips = await page.$$eval("#client-diff svg.strips rect", (r) => r.length);
  assert.ok(strips >= 2 * (48 + 48), `strip cells: ${strips}`);
  const images = await page.$$eval("#client-diff img", (imgs) => imgs.map((i) => i.complete && i.naturalWidth > 0));
  assert.deepEqual(images, [true, true], "diagrams did not load from the export");
  await page.screenshot({ path: join(shots, "export-client-diff.png"), fullPage: true });
  assert.deepEqual(errors, []);
});

test("export diff of a linked pair opens its pre-rendered page", async () => {
  const pairs = (await (await open("index.html")).page.evaluate(() => window.LLMG_SITE.pairs));
  const [a, b] = pairs[0].split("/");
  const { page } = await open(`diff.html?a=${a}&b=${b}`);
  await page.waitForURL(new RegExp(`diff/${a}/${b}\\.html$`));
  assert.ok(await page.$("table.diff"));
});

test("export index: Compare A and B from two cards reaches the in-browser diff", async () => {
  const { page, errors } = await open("index.html");
  await page.locator('.card[data-slug="gpt-2-xl-1-5b"] a.cmp-a').click();
  assert.match(await page.locator('#compare .slot[data-slot="a"]').textContent(), /GPT-2 XL/);
  assert.match(await page.locator('#compare .slot[data-slot="b"]').textContent(), /empty/);
  await page.locator('.card[data-slug="qwen3-next-80b-a3b"] a.cmp-b').click();
  assert.match(page.url(), /index\.html\?a=gpt-2-xl-1-5b&b=qwen3-next-80b-a3b$/);
  await page.locator("#compare a.go").click();
  await page.waitForSelector("#client-diff table.diff");
  assert.match(await page.textContent("main h1"), /GPT-2 XL.*vs.*Qwen3 Next/);
  assert.deepEqual(errors, []);
});
