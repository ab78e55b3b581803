// Browser tests of the web gallery: Debian's chromium driven by playwright-core (no browser download).
// The server comes from LLMG_URL (scripts/test.sh starts one on a free port), or this file starts
// `llmgallery serve --port 0` itself (LLMG_BINARY, default ../../build/llmgallery).
// Screenshots of every page at desktop and phone widths go to LLMG_SCREENSHOTS (default /tmp/llmg-screenshots).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const binary = process.env.LLMG_BINARY ?? new URL("../../build/llmgallery", import.meta.url).pathname;
const shots = process.env.LLMG_SCREENSHOTS ?? "/tmp/llmg-screenshots";
let base = process.env.LLMG_URL;
let server;
let browser;

before(async () => {
  if (!base) {
    server = spawn(binary, ["serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    base = await new Promise((resolve, reject) => {
      server.stdout.on("data", (chunk) => {
        const match = /http:\/\/[^\s]+\//.exec(chunk.toString());
        if (match) resolve(match[0].replace(/\/$/, ""));
      });
      server.on("exit", (code) => reject(new Error(`llmgallery serve exited with ${code}`)));
    });
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

// A fresh page that fails the test on any console error (CSP violations included).
async function open(path, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(base + path);
  return { page, context, errors };
}

const countText = (page) => page.locator("#count").textContent();

test("index lists every model and explains KV bands", async () => {
  const { page, context, errors } = await open("/");
  assert.match(await page.title(), /llmgallery/);
  const text = await countText(page);
  const [, shown, total] = /Showing (\d+) of (\d+)/.exec(text);
  assert.equal(shown, total);
  assert.equal(await page.locator(".card").count(), Number(total));
  assert.ok(await page.locator(".card .figure svg").count() > 0, "card diagrams are inlined");
  assert.deepEqual(errors, []);
  await context.close();
});

test("sorting by total parameters reorders the cards and lands in the URL", async () => {
  const { page, context } = await open("/");
  await Promise.all([page.waitForURL(/sort=total/), page.selectOption("#sort", "total")]);
  const first = await page.locator(".card h2").first().textContent();
  assert.match(first, /2\.8T/, `largest model first (Kimi K3 / Ember-1, 2.78T), got ${first}`);
  assert.equal(await page.locator("#sort").inputValue(), "total");
  await context.close();
});

test("filtering by decoder type keeps only that type", async () => {
  const { page, context } = await open("/");
  await Promise.all([page.waitForURL(/type=hybrid/), page.selectOption("#type", "hybrid")]);
  const cards = page.locator(".card");
  const n = await cards.count();
  assert.ok(n > 0);
  assert.equal(await page.locator(".card .badge.type-hybrid").count(), n);
  await context.close();
});

test("search filters as you type and keeps the query in the URL", async () => {
  const { page, context } = await open("/");
  await page.fill("#q", "deltanet");
  await page.waitForFunction(() => location.search.includes("q=deltanet"));
  const visible = page.locator(".card:not([hidden])");
  const n = await visible.count();
  assert.ok(n > 0 && n < 20, `a few matches, got ${n}`);
  assert.match(await countText(page), new RegExp(`Showing ${n} of`));
  // Without JS the same URL renders the same selection on the server.
  const server = await open("/?q=deltanet", { javaScriptEnabled: false });
  assert.equal(await server.page.locator(".card").count(), n);
  await server.context.close();
  await context.close();
});

test("opening a model shows its diagram, fact sheet and calculator", async () => {
  const { page, context, errors } = await open("/?q=qwen3%20next");
  await Promise.all([page.waitForURL(/\/models\//), page.getByRole("link", { name: "Qwen3 Next (80B-A3B)", exact: true }).click()]);
  assert.match(await page.locator("h1").textContent(), /Qwen3 Next/);
  assert.ok(await page.locator("table.facts tbody tr").count() > 10);
  assert.ok(await page.locator("#diagram svg").count() === 1);
  await page.click("[data-zoom=in]");
  assert.ok(await page.locator(".zoom-area.zoomed").count() === 1, "zoom applies");
  await Promise.all([page.waitForURL(/kv=fp8/), page.selectOption("#m-kv", "fp8")]);
  assert.match(await page.locator("#memory").textContent(), /KV cache \(fp8/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the diff control opens a diff with a summary and highlighted rows", async () => {
  const { page, context, errors } = await open("/models/qwen3-30b-a3b");
  await page.selectOption("#compare-b", "qwen3-next-80b-a3b");
  await Promise.all([page.waitForURL(/\/diff\/qwen3-30b-a3b\/qwen3-next-80b-a3b/), page.click("form.compare button")]);
  assert.match(await page.locator(".summary").textContent(), /Gated DeltaNet in 3 of every 4 layers/);
  const all = await page.locator("table.diff tbody tr").count();
  await page.check("#only-differs");
  const differing = await page.locator("table.diff tbody tr:visible").count();
  assert.ok(differing > 0 && differing < all);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the theme toggle switches and remembers the theme", async () => {
  const { page, context } = await open("/", { colorScheme: "light" });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.click("#theme-toggle");
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  const dark = await background();
  assert.notEqual(dark, light);
  await page.reload();
  assert.equal(await page.getAttribute("html", "data-theme"), "dark");
  await context.close();
});

test("keyboard: the first Tab reaches the skip link", async () => {
  const { page, context } = await open("/");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip");
  await context.close();
});

test("screenshots of every page, desktop and phone", async () => {
  const pages = ["/", "/?view=compact", "/models/qwen3-next-80b-a3b", "/models/xlstm-7b",
                 "/diff/qwen3-30b-a3b/qwen3-next-80b-a3b", "/timeline", "/tree", "/changelog", "/inspect"];
  for (const [name, viewport] of [["desktop", { width: 1400, height: 1000 }], ["phone", { width: 390, height: 844 }]]) {
    for (const path of pages) {
      const { page, context, errors } = await open(path, { viewport });
      const file = `${shots}/${name}${path.replace(/[^a-z0-9]+/gi, "_")}.png`;
      await page.screenshot({ path: file, fullPage: false });
      // Nothing wider than the viewport on a phone except the scroll containers made for it.
      if (name === "phone") {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${path} overflows the phone width by ${overflow}px`);
      }
      assert.deepEqual(errors, [], path);
      await context.close();
    }
  }
});
