// Browser tests of issue 14 items 3-5: figure-first cards (zoom dialog, Compare A / B reaching the diff),
// axe-core on every page type in light and dark, and the keyboard (every control reachable, visible focus).
// Server: LLMG_URL, or `llmgallery serve --port 0` started here (LLMG_BINARY, default ../../build/llmgallery).
// Screenshots of the changed pages go to LLMG_SCREENSHOTS (default /tmp/llmg-screenshots).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
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

async function open(path, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(error.message));
  const response = await page.goto(base + path);
  return { page, context, errors, response };
}

test("compare A and B from two cards reaches the diff, keeping an empty slot meanwhile", async () => {
  const { page, context, errors } = await open("/");
  const go = page.locator("#compare .go");
  assert.equal(await go.getAttribute("aria-disabled"), "true");
  await page.locator('.card[data-slug="llama-3-8b"] a.cmp-a').click();
  assert.match(page.url(), /[?&]a=llama-3-8b/);
  assert.doesNotMatch(page.url(), /[?&]b=/);
  assert.match(await page.locator('#compare .slot[data-slot="a"]').textContent(), /Llama 3 \(8B\)/);
  assert.match(await page.locator('#compare .slot[data-slot="b"]').textContent(), /empty/);
  assert.equal(await page.locator("#compare .go").getAttribute("aria-disabled"), "true");
  await page.locator('.card[data-slug="olmo-2-7b"] a.cmp-b').click();
  assert.match(page.url(), /a=llama-3-8b/);
  assert.match(page.url(), /b=olmo-2-7b/);
  // The state is in the URL: a reload shows the same (server-rendered) slots.
  await page.reload();
  assert.equal(await page.locator('#compare .slot[data-slot="b"]').getAttribute("data-slug"), "olmo-2-7b");
  await Promise.all([page.waitForURL(/\/diff\/llama-3-8b\/olmo-2-7b$/), page.locator("#compare a.go").click()]);
  assert.match(await page.locator(".summary").textContent(), /KV/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("compare links work without script (server-rendered state)", async () => {
  const { page, context } = await open("/?b=olmo-2-7b", { javaScriptEnabled: false });
  await page.locator('.card[data-slug="llama-3-8b"] a.cmp-a').click();
  await page.waitForURL(/a=llama-3-8b/);
  assert.equal(await page.locator('#compare a.go').getAttribute("href"), "/diff/llama-3-8b/olmo-2-7b");
  await context.close();
});

test("the zoom dialog takes focus, shows the full diagram and Esc returns focus to the card", async () => {
  const { page, context, errors } = await open("/");
  const figure = page.locator('.card[data-slug="qwen3-next-80b-a3b"] a.figure');
  await figure.focus();
  await page.keyboard.press("Enter");
  const dialog = page.locator("#zoom-dialog");
  await dialog.waitFor({ state: "visible" });
  assert.equal(await page.evaluate(() => document.getElementById("zoom-dialog").contains(document.activeElement)), true);
  assert.match(await page.locator("#zoom-title").textContent(), /Qwen3 Next/);
  await page.waitForFunction(() => { const i = document.querySelector("#zoom-dialog img"); return i.complete && i.naturalWidth > 0; });
  const width = await page.evaluate(() => document.querySelector("#zoom-dialog img").getBoundingClientRect().width);
  assert.ok(width >= 600, `full diagram shown at ${width}px`);
  await page.screenshot({ path: `${shots}/cards_zoom_dialog.png` });
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "hidden" });
  assert.equal(await page.evaluate(() => document.activeElement.closest(".card")?.getAttribute("data-slug")), "qwen3-next-80b-a3b");
  assert.deepEqual(errors, []);
  await context.close();
});

test("keyboard: every control of the index is reachable with Tab and shows a visible focus", async () => {
  const { page, context } = await open("/?type=hybrid");  // fewer cards, every kind of control
  const expected = await page.evaluate(() => {
    const all = document.querySelectorAll("a[href], button, input:not([type=hidden]), select, summary, [tabindex]");
    return Array.from(all).filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0 && !el.closest("[hidden], dialog"))
      .map((el, i) => { el.setAttribute("data-kb", String(i)); return String(i); });
  });
  assert.ok(expected.length > 20, `${expected.length} controls`);
  const seen = new Set();
  const invisible = [];
  for (let i = 0; i < expected.length + 5; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
      return { id: el.getAttribute("data-kb"), visible, what: el.outerHTML.slice(0, 80) };
    });
    if (info.id !== null) seen.add(info.id);
    if (info.id !== null && !info.visible) invisible.push(info.what);
  }
  const missed = expected.filter((id) => !seen.has(id));
  assert.deepEqual(missed, [], "controls never reached by Tab");
  assert.deepEqual(invisible, [], "focused without a visible focus indicator");
  await context.close();
});

// axe-core on every page type, light and dark: no serious or critical violation.
const pagesToCheck = ["/", "/?view=compact", "/models/qwen3-next-80b-a3b", "/diff/llama-3-8b/olmo-2-7b", "/timeline",
                      "/tree", "/changelog", "/inspect"];

async function axeViolations(path, colorScheme) {
  const { page, context, response } = await open(path, { colorScheme, bypassCSP: true });
  if (!response || response.status() === 404) {
    await context.close();
    return null;
  }
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  await context.close();
  return results;
}

for (const scheme of ["light", "dark"]) {
  test(`axe-core: no serious or critical violations on every page type (${scheme})`, async () => {
    const found = {};
    for (const path of pagesToCheck) {
      const v = await axeViolations(path, scheme);
      if (v && v.length) found[path] = v;
    }
    assert.deepEqual(found, {});
  });
}

test("axe-core: a concept page, when the route exists", async (t) => {
  const probe = await fetch(base + "/concepts");
  if (probe.status === 404) return t.skip("no /concepts route in this build");
  const html = await probe.text();
  const match = /href="(\/concepts\/[^"#?]+)"/.exec(html);
  const paths = ["/concepts", ...(match ? [match[1]] : [])];
  const found = {};
  for (const scheme of ["light", "dark"])
    for (const path of paths) {
      const v = await axeViolations(path, scheme);
      if (v && v.length) found[`${path} ${scheme}`] = v;
    }
  assert.deepEqual(found, {});
});

test("screenshots of the figure cards, desktop and phone, light and dark", async () => {
  for (const [name, viewport] of [["desktop", { width: 1400, height: 1000 }], ["phone", { width: 390, height: 844 }]])
    for (const colorScheme of ["light", "dark"])
      for (const path of ["/?a=llama-3-8b", "/?view=compact", "/changelog"]) {
        const { page, context, errors } = await open(path, { viewport, colorScheme });
        await page.screenshot({ path: `${shots}/cards_${name}_${colorScheme}${path.replace(/[^a-z0-9]+/gi, "_")}.png` });
        if (name === "phone") {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 1, `${path} overflows the phone width by ${overflow}px`);
        }
        assert.deepEqual(errors, [], path);
        await context.close();
      }
});
