// Browser tests of the concept pages (/concepts, /concepts/NAME), the catalog statistics (/stats/NAME) and
// the "related concepts" chips, on the server (LLMG_URL, or `llmgallery serve --port 0` started here) and in
// the static export opened from file:// (LLMG_EXPORT, or written here). Every page: no console error and no
// horizontal overflow at phone width. Screenshots (desktop and phone, light and dark) go to LLMG_SCREENSHOTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const binary = process.env.LLMG_BINARY ?? new URL("../../build/llmgallery", import.meta.url).pathname;
const shots = process.env.LLMG_SCREENSHOTS ?? "/tmp/llmg-screenshots";
let base = process.env.LLMG_URL;
let dir = process.env.LLMG_EXPORT;
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

after(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
});

// A fresh page that fails the test on any console error (CSP violations included).
async function open(url, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(url);
  return { page, context, errors, response };
}

test("concept index lists every concept, with model counts, and is in the navigation", async () => {
  const { page, context, errors } = await open(base + "/");
  await Promise.all([page.waitForURL(/\/concepts$/), page.getByRole("link", { name: "Concepts", exact: true }).click()]);
  assert.match(await page.locator("h1").textContent(), /Concepts/);
  const items = await page.locator("ul.concept-list li").count();
  assert.ok(items >= 32, `concepts listed: ${items}`);
  assert.match(await page.locator("ul.concept-list").first().textContent(), /Grouped-query attention \(GQA\)\s+\d+ models/);
  // Looped depth is modelled since Ouro and Nanbeige 4.2 (issue 13); Qwen sparse attention is not yet.
  assert.match(await page.locator("main").textContent(), /Looped depth\s+2 models/);
  assert.match(await page.locator("main").textContent(), /Qwen sparse attention\s+not modelled yet/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a concept page shows the worked example, the diagram inset, its models and the adoption chart", async () => {
  const { page, context, errors } = await open(base + "/concepts/mla");
  assert.match(await page.locator("h1").textContent(), /Multi-head latent attention/);
  // DeepSeek V3: kv_lora_rank 512 + qk_rope_head_dim 64 = 576 values per layer, 61 layers: 70,272 bytes.
  assert.match(await page.locator("[data-fact=kv_values]").textContent(), /kv_lora_rank 512 \+ qk_rope_head_dim 64 = 576 values/);
  assert.match(await page.locator(".formula").nth(1).textContent(), /70,272 bytes/);
  assert.equal(await page.locator("figure.inset svg").count(), 1);
  const models = await page.locator("ul.models li a").allTextContents();
  assert.ok(models.includes("DeepSeek V3 (671B)") && models.includes("Kimi K2 (1T)"), models.join(", "));
  assert.ok(!models.includes("Llama 3 (8B)"));
  assert.equal(await page.locator("svg.adoption").count(), 1);
  assert.equal(await page.locator("svg.adoption circle.used").count(), models.length);
  // The links lead to the model pages.
  await Promise.all([page.waitForURL(/\/models\/deepseek-v3-671b$/), page.locator("ul.models a", { hasText: "DeepSeek V3 (671B)" }).click()]);
  assert.match(await page.locator("h1").textContent(), /DeepSeek V3/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a concept no catalog model uses says so; an unknown concept is a 404", async () => {
  // Lightning attention is modelled (MiniMax-01, the minimax row) but no catalog card uses it.
  const { page, context, errors } = await open(base + "/concepts/lightning-attention");
  assert.match(await page.locator("main").textContent(), /No catalog model uses it yet/);
  assert.deepEqual(errors, []);
  await context.close();
  const missing = await open(base + "/concepts/no-such-thing");
  assert.equal(missing.response.status(), 404);
  await missing.context.close();
});

test("chips on cards, model pages and diffs link the concepts a model uses", async () => {
  const { page, context, errors } = await open(base + "/models/olmo-2-7b");
  const chips = await page.locator("main .keyfacts + ul.chips a").allTextContents();
  assert.deepEqual(chips, ["MHA", "QK-norm", "post-norm"]);
  await Promise.all([page.waitForURL(/\/concepts\/qk-norm$/), page.locator("ul.chips a", { hasText: "QK-norm" }).click()]);
  assert.ok((await page.locator("ul.models li a").allTextContents()).includes("OLMo 2 (7B)"));
  assert.deepEqual(errors, []);
  await context.close();
  const index = await open(base + "/");
  const card = index.page.locator('.card[data-slug="deepseek-v3-671b"] ul.chips a');
  assert.deepEqual(await card.allTextContents(), ["MLA", "MoE", "shared experts", "MTP"]);
  await index.context.close();
  const diff = await open(base + "/diff/llama-3-8b/olmo-2-7b");
  assert.equal(await diff.page.locator(".diff-concepts ul.chips").count(), 2);
  assert.deepEqual(diff.errors, []);
  await diff.context.close();
});

test("statistics: attention distribution, active ratios, trends", async () => {
  const { page, context, errors } = await open(base + "/stats/attention");
  const rows = page.locator("table.stats").first().locator("tbody tr");
  assert.ok(await rows.count() >= 5);
  const gqa = rows.filter({ has: page.locator("th", { hasText: /^GQA$/ }) });
  assert.match(await gqa.locator("td").nth(1).textContent(), /^\d+\.\d%$/);
  assert.ok(await gqa.locator("td a").count() > 10, "the GQA row lists its models");
  await Promise.all([page.waitForURL(/\/stats\/active-ratio$/), page.locator("nav.crumbs a", { hasText: "Active-parameter ratios" }).click()]);
  const ratios = await page.locator("table.stats tbody tr td:nth-of-type(3)").allTextContents();
  const values = ratios.map((t) => parseFloat(t));
  assert.ok(values.length > 20, `sparse models: ${values.length}`);
  assert.deepEqual(values, [...values].sort((a, b) => a - b), "sorted sparsest first");
  await Promise.all([page.waitForURL(/\/stats\/trends$/), page.locator("nav.crumbs a", { hasText: "KV and parameters over time" }).click()]);
  assert.equal(await page.locator("svg.stats-chart").count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test("export: concept and statistics pages open from file:// and their links resolve", async () => {
  const { page, context, errors } = await open("file://" + join(dir, "concepts/index.html"));
  await Promise.all([page.waitForURL(/concepts\/gqa\.html$/), page.locator("ul.concept-list a", { hasText: "Grouped-query attention" }).click()]);
  await Promise.all([page.waitForURL(/models\/llama-3-8b\.html$/), page.locator("ul.models a", { hasText: "Llama 3 (8B)" }).click()]);
  await Promise.all([page.waitForURL(/concepts\/gqa\.html$/), page.locator("ul.chips a", { hasText: "GQA" }).click()]);
  await page.goto("file://" + join(dir, "stats/attention.html"));
  assert.ok(await page.locator("table.stats tbody tr").count() > 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test("screenshots and phone width: desktop and phone, light and dark", async () => {
  const pages = ["/concepts", "/concepts/mla", "/concepts/gated-deltanet", "/concepts/looped-depth", "/stats/attention",
                 "/stats/active-ratio", "/stats/trends", "/models/deepseek-v3-671b", "/diff/llama-3-8b/olmo-2-7b"];
  for (const [name, viewport] of [["desktop", { width: 1400, height: 1000 }], ["phone", { width: 390, height: 844 }]]) {
    for (const scheme of ["light", "dark"]) {
      for (const path of pages) {
        const { page, context, errors } = await open(base + path, { viewport, colorScheme: scheme });
        await page.screenshot({ path: `${shots}/concepts-${name}-${scheme}${path.replace(/[^a-z0-9]+/gi, "_")}.png`, fullPage: true });
        if (name === "phone") {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 1, `${path} overflows the phone width by ${overflow}px`);
        }
        assert.deepEqual(errors, [], path);
        await context.close();
      }
    }
  }
});
