// The MCP Apps views in a real browser: Debian's chromium (installed with apt-get when missing and root),
// a host page with ext-apps' AppBridge on one origin, the view sandboxed on another under the
// specification's default content security policy, and the built executable over stdio behind it.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { build } from "esbuild";
import { type BrowserContext, chromium, type FrameLocator, type Page } from "playwright-core";
import { ensureTool } from "../../scripts/sea/debian-tools.ts";
import { APP_MIME_TYPE, CATALOG_REVIEW, PRODUCT_REVIEW, UI_EXTENSION } from "../../src/mcp/apps/uris.ts";
import { copywriter } from "../support/copy-replies.ts";
import { callTool, type RunningServer, startServer, textOf } from "../support/server-process.ts";
import { structured } from "../support/structured.ts";

/** What the specification tells hosts to apply when a view declares no domains. */
const DEFAULT_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; media-src 'self' data:; connect-src 'none'";
const HOST = "http://host.test";
const VIEW = "http://view.test";
const ARTIFACTS = "test-artifacts";
const UI_CAPABILITIES = { extensions: { [UI_EXTENSION]: { mimeTypes: [APP_MIME_TYPE] } } };

const browserPath = ensureTool("chromium", ["chromium"]);
const skip = "missing" in browserPath && browserPath.missing;

/** The browser globals the test's page functions use (this file is type-checked without the DOM library). */
interface HostWindow {
  mountView(url: string, result: CallToolResult, args: Record<string, unknown>): Promise<void>;
  getComputedStyle(element: unknown): { fontFamily: string; colorScheme: string };
}

type ProductTool = "create_product" | "get_product" | "revise_product" | "save_product_copy";
/** The product of a result, with its copy. */
const productOf = (tool: ProductTool, result: CallToolResult) => {
  const { product } = structured(tool, result);
  assert.ok(product?.copy, `${tool} returned a product with copy`);
  return { ...product, copy: product.copy };
};
/** A product's copy as save_product_copy takes it back. */
const productCopyOf = (tool: ProductTool, result: CallToolResult) => {
  const { description_html: _html, ...copy } = productOf(tool, result).copy;
  return copy;
};

describe("MCP Apps views in headless Chromium", { skip }, () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let tools: Set<string>;
  const calls: { name: string; arguments: Record<string, unknown>; result: CallToolResult }[] = [];
  const violations: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const host = await build({
      entryPoints: ["test/apps-host/host.ts"],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2022",
      logLevel: "warning",
    });
    const hostHtml = `<!doctype html><meta charset="utf-8"><title>test host</title><body><script>${host.outputFiles[0]?.text.replaceAll("</script", "<\\/script")}</script>`;
    server = await startServer({ sampling: copywriter(), capabilities: UI_CAPABILITIES });
    tools = new Set((await server.client.listTools()).tools.map((t) => t.name));
    profile = mkdtempSync(join(tmpdir(), "copydesk-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: "path" in browserPath ? browserPath.path : "",
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 860, height: 1000 },
    });
    // Nothing leaves the machine: both origins are answered here.
    await context.route(`${HOST}/**`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: hostHtml }),
    );
    await context.route(`${VIEW}/**`, async (route) => {
      const uri = new URL(route.request().url()).searchParams.get("uri") ?? "";
      const read = await server.client.readResource({ uri });
      const content = read.contents[0];
      assert.equal(content?.mimeType, APP_MIME_TYPE);
      await route.fulfill({
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8", "content-security-policy": DEFAULT_CSP },
        body: content && "text" in content ? content.text : "",
      });
    });
    // Registered before any page script runs, in every frame, the view's included.
    await context.addInitScript({
      content: `document.addEventListener("securitypolicyviolation", (event) =>
        console.error("CSP violation: " + event.violatedDirective + " " + event.blockedURI));`,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (message.text().startsWith("CSP violation")) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
    await page.exposeFunction(
      "hostCallTool",
      async (params: { name: string; arguments?: Record<string, unknown> }) => {
        const result = await callTool(server.client, params.name, params.arguments ?? {});
        calls.push({ name: params.name, arguments: params.arguments ?? {}, result });
        return result;
      },
    );
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Shows a tool result in its view, as a host does after the model called the tool. */
  async function mount(
    uri: string,
    result: CallToolResult,
    args: Record<string, unknown>,
  ): Promise<FrameLocator> {
    await page.goto(`${HOST}/`);
    await page.evaluate(
      ({ url, result, args }) => (globalThis as unknown as HostWindow).mountView(url, result, args),
      {
        url: `${VIEW}/view?uri=${encodeURIComponent(uri)}`,
        result,
        args,
      },
    );
    return page.frameLocator("#view");
  }

  it("links the product tools and the catalog tools to their views", async () => {
    const { tools: listed } = await server.client.listTools();
    const linked = Object.fromEntries(
      listed.flatMap((t) => {
        const uri = (t._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri;
        return uri ? [[t.name, uri]] : [];
      }),
    );
    for (const name of ["create_product", "get_product", "revise_product", "save_product_copy"])
      assert.equal(linked[name], PRODUCT_REVIEW, name);
    assert.equal(linked.list_products, CATALOG_REVIEW);
    for (const name of ["write_catalog", "get_job"])
      if (tools.has(name)) assert.equal(linked[name], CATALOG_REVIEW, name);
    assert.equal(linked.list_posts, undefined, "posts have no view");
  });

  it("renders a product card, approves it, revises it and checks an edited SEO title", async () => {
    const args = { title: "Ceramic pour-over mug", keywords: ["red", "dishwasher-safe", "350 ml"] };
    const created = await callTool(server.client, "create_product", args);
    assert.equal(created.isError, undefined, textOf(created));
    const product = productOf("create_product", created);
    const view = await mount(PRODUCT_REVIEW, created, args);

    // The fields, as the tool returned them.
    await view.getByRole("heading", { level: 1, name: product.title }).waitFor();
    assert.equal(await view.locator("[data-handle]").textContent(), `/${product.handle}`);
    const { copy } = product;
    assert.equal(
      await view.locator('[data-field="short_description"] .value').textContent(),
      copy.short_description,
    );
    assert.deepEqual(await view.locator("[data-bullets] li").allTextContents(), copy.bullets);
    assert.equal(await view.locator('[data-field="seo_title"] .value').textContent(), copy.seo_title);
    assert.equal(
      await view.locator('[data-counter="seo_title"]').textContent(),
      `${[...copy.seo_title].length}/60 characters`,
    );
    assert.deepEqual(await view.locator("[data-tags] .tag").allTextContents(), copy.tags);
    assert.ok(((await view.locator('[data-field="description"] .value p').count()) as number) >= 1);
    assert.match(
      (await view.locator(".provenance").textContent()) ?? "",
      /^Version 1 of 1, written by test-model-1 \(client-sampling\)$/,
    );
    // The host's theme and font reach the view.
    const look = await view.locator("html").evaluate((root) => {
      const style = (globalThis as unknown as HostWindow).getComputedStyle(root);
      return { font: style.fontFamily, scheme: style.colorScheme };
    });
    assert.match(look.font, /Georgia/);
    assert.equal(look.scheme, "dark");
    await page.locator("#view").screenshot({ path: join(ARTIFACTS, "product-review.png") });

    // Approve: the call reaches copydesk (its status needs approve_products, issue 8's catalog tools).
    await view.getByRole("button", { name: "Approve" }).click();
    await waitFor(() => calls.some((c) => c.name === "approve_products"), "approve_products call");
    const approveCall = calls.find((c) => c.name === "approve_products");
    assert.deepEqual(approveCall?.arguments, { ids: [product.id] });
    if (tools.has("approve_products")) {
      await view.locator("[data-status]", { hasText: "approved" }).waitFor();
      const stored = productOf(
        "get_product",
        await callTool(server.client, "get_product", { id: product.id }),
      );
      assert.equal(stored.status, "approved");
    }

    // Revise: a new sampling request carries the instruction; the card shows version 2.
    const before = server.samplingRequests.length;
    const instruction = "mention it is microwave safe";
    await view.getByLabel("Instruction for a revision").fill(instruction);
    await view.getByRole("button", { name: "Revise" }).click();
    await view.locator(".provenance", { hasText: "Version 2 of 2" }).waitFor();
    const sent = server.samplingRequests.slice(before);
    assert.ok(sent.length >= 1, "no new sampling request");
    assert.ok(
      sent.some((request) => JSON.stringify(request.messages).includes(instruction)),
      "the instruction is not in the sampling request",
    );

    // Edit the SEO title past 60 characters: the counter goes over and the failing check shows once saved.
    const long = "Red Stoneware Mug 350 ml, Dishwasher-Safe, For Slow Mornings and Hot Coffee";
    await view.getByRole("button", { name: "Edit SEO title" }).click();
    await view.getByRole("textbox", { name: "SEO title" }).fill(long);
    assert.equal(
      await view.locator('[data-counter="seo_title"].over').textContent(),
      `${long.length}/60 characters`,
    );
    await view.getByRole("button", { name: "Save" }).click();
    await view.locator(".provenance", { hasText: "Version 3 of 3" }).waitFor();
    assert.equal(await view.locator('[data-field="seo_title"] .value').textContent(), long);
    assert.equal(
      await view.locator('[data-counter="seo_title"].over').textContent(),
      `${long.length}/60 characters`,
    );
    assert.equal(await view.locator('.checks li.fail[data-check="seo_title"]').count(), 1);
    assert.match((await view.locator(".checks h2").textContent()) ?? "", /failing/);
    await page.locator("#view").screenshot({ path: join(ARTIFACTS, "product-review-edited.png") });

    // Restore version 2 from the version list: keyboard only.
    await view.getByLabel("Version shown").selectOption("2");
    await view.locator(".provenance", { hasText: "Version 2 of 3" }).waitFor();
    await view.getByRole("button", { name: "Restore this version" }).focus();
    await page.keyboard.press("Enter");
    await view.locator(".provenance", { hasText: "Version 4 of 4" }).waitFor();
    assert.equal(
      await view.locator('[data-field="seo_title"] .value').textContent(),
      productOf(
        "revise_product",
        calls.findLast((c) => c.name === "revise_product")?.result as CallToolResult,
      ).copy.seo_title,
    );
    assert.deepEqual(violations, []);
  });

  it("shows the catalog: 20 products, approve 5 at once, filter, a job's progress", async () => {
    const existing = (await listAll()).length;
    for (let i = existing; i < 20; i++) {
      const made = await callTool(server.client, "create_product", {
        title: `Stoneware mug no. ${i + 1}`,
        keywords: ["stoneware", "dishwasher-safe"],
      });
      assert.equal(made.isError, undefined, textOf(made));
    }
    const listed = await callTool(server.client, "list_products", { limit: 100 });
    const view = await mount(CATALOG_REVIEW, listed, { limit: 100 });
    const rows = view.locator("tbody tr");
    await rows.first().waitFor();
    assert.equal(await rows.count(), 20);
    await page.locator("#view").screenshot({ path: join(ARTIFACTS, "catalog-review.png") });

    // Select five rows and approve them at once.
    const titles = (await view.locator("tbody th").allTextContents()).slice(0, 5);
    for (const title of titles) await view.getByLabel(`Select ${title}`).check();
    calls.length = 0;
    await view.getByRole("button", { name: "Approve selected (5)" }).click();
    await waitFor(() => calls.some((c) => c.name === "approve_products"), "approve_products call");
    const ids = calls.find((c) => c.name === "approve_products")?.arguments.ids as string[];
    assert.equal(ids.length, 5);

    // Filter by status: the view asks list_products for the status.
    await view.getByLabel("Status").selectOption("approved");
    await waitFor(
      () => calls.some((c) => c.name === "list_products" && c.arguments.status === "approved"),
      "filtered list",
    );
    if (tools.has("approve_products")) {
      await waitForCount(view, 5);
      assert.deepEqual(
        new Set(await view.locator("tbody [data-status]").allTextContents()),
        new Set(["approved"]),
      );
    }

    // A row opens as a product card, with its actions.
    await view.getByRole("button", { name: `Open ${titles[0]}` }).click();
    await view.locator(".detail h1", { hasText: titles[0] }).waitFor();
    assert.equal(await view.locator(".detail").getByRole("button", { name: "Approve" }).count(), 1);

    // A job's progress, polled with get_job until it is done (needs write_catalog and get_job, issue 8).
    if (tools.has("write_catalog") && tools.has("get_job")) {
      const args = { selection: { status: "written" } };
      const started = await callTool(server.client, "write_catalog", args);
      assert.equal(started.isError, undefined, textOf(started));
      const jobView = await mount(CATALOG_REVIEW, started, args);
      await jobView.locator('.job[data-state="done"]').waitFor({ timeout: 60_000 });
      const { total } = structured("write_catalog", started).job;
      assert.match(
        (await jobView.locator(".job").textContent()) ?? "",
        new RegExp(`${total} of ${total} written`),
      );
      await page.locator("#view").screenshot({ path: join(ARTIFACTS, "catalog-review-job.png") });
    }

    // Export the approved products (needs export_products, issue 8).
    if (tools.has("export_products")) {
      const out = mkdtempSync(join(tmpdir(), "copydesk-export-"));
      await view.getByLabel("Format").selectOption("csv");
      await view.getByLabel("Export to").fill(join(out, "approved.csv"));
      await view.getByRole("button", { name: "Export approved" }).click();
      // The five approved here, and the card's product: approved, then revised, it goes out at the
      // version that was approved.
      await view.locator(".status", { hasText: "Exported 6 products" }).waitFor();
      rmSync(out, { recursive: true, force: true });
    }
    assert.deepEqual(violations, []);
  });

  it("shows the store's copy beside the new, differences marked, and what each row changes", async () => {
    const imported = await callTool(server.client, "import_products", {
      csv_text: readFileSync("test/fixtures/catalog/shopify-current.csv", "utf8"),
    });
    assert.equal(imported.isError, undefined, textOf(imported));
    const listed = await listAll();
    const shirt = listed.find((p) => p.title === "Linen Shirt");
    const mug = listed.find((p) => p.title === "Stoneware Mug");
    assert.ok(shirt && mug);
    const saved = await callTool(server.client, "save_product_copy", {
      id: shirt.id,
      copy: {
        description: "Breathable linen in a relaxed fit.\n\nMade in Portugal for warm summer days.",
        short_description: "A relaxed linen shirt for summer.",
        bullets: ["Breathable linen", "Relaxed fit", "Made in Portugal"],
        seo_title: "Linen Shirt | Acme",
        seo_description: "A breathable linen shirt in a relaxed fit, made in Portugal.",
        tags: ["linen", "shirt"],
      },
    });
    assert.equal(saved.isError, undefined, textOf(saved));

    // The card: each field the store has beside the new one, removed words struck, added words marked.
    const got = await callTool(server.client, "get_product", { id: shirt.id });
    const card = await mount(PRODUCT_REVIEW, got, { id: shirt.id });
    const description = card.locator('[data-compare="description"]');
    await description.waitFor();
    assert.equal(await description.getAttribute("data-changed"), "true");
    assert.match(
      (await description.locator("[data-before]").textContent()) ?? "",
      /^Breathable linen, a "relaxed" fit\./,
    );
    assert.deepEqual(await description.locator("[data-before] del").allTextContents(), [
      "linen,",
      '"relaxed"',
      "Portugal.",
    ]);
    const added = (await description.locator("[data-after] ins").allTextContents()).join("|");
    assert.match(added, /^linen in\|relaxed\|Portugal for warm summer days\./);
    assert.match(added, /- Breathable linen/);
    assert.equal(await card.locator('[data-compare="seo_title"]').getAttribute("data-changed"), "false");
    assert.equal(
      await card.locator('[data-compare="seo_title"] ins, [data-compare="seo_title"] del').count(),
      0,
    );
    assert.equal(await card.locator('[data-compare="seo_description"] [data-before]').count(), 0);
    assert.match(
      (await card.locator('[data-compare="seo_description"] .before').textContent()) ?? "",
      /\(empty\)/,
    );
    assert.match(
      (await card.locator('[data-field="short_description"] .note').textContent()) ?? "",
      /no column for the short description/,
    );
    assert.match(
      (await card.locator("[data-changes]").textContent()) ?? "",
      /^Changes against the store's copy: Description, SEO description\./,
    );
    await page.locator("#view").screenshot({ path: join(ARTIFACTS, "product-review-store-copy.png") });

    // The table: the new description's start and the fields each product changes.
    const list = await callTool(server.client, "list_products", { limit: 100 });
    const table = await mount(CATALOG_REVIEW, list, { limit: 100 });
    const row = table.locator(`tbody tr[data-id="${shirt.id}"]`);
    await row.waitFor();
    assert.equal(
      await row.locator("[data-excerpt]").textContent(),
      "Breathable linen in a relaxed fit. Made in Portugal for warm summer days.",
    );
    assert.equal(await row.locator("[data-changes]").textContent(), "Description, SEO description");
    assert.equal(
      await table.locator(`tbody tr[data-id="${mug.id}"] [data-changes]`).textContent(),
      "no copy yet",
    );
    await page.locator("#view").screenshot({ path: join(ARTIFACTS, "catalog-review-changes.png") });

    // Opened from the table, the card carries the store's copy too.
    await table.getByRole("button", { name: "Open Linen Shirt" }).click();
    await table.locator('.detail [data-compare="description"][data-changed="true"]').waitFor();

    // The store's text is shown as text: markup in it is neither run nor rendered.
    const tricky = await callTool(server.client, "import_products", {
      csv_text: `${JSON.stringify({ title: "Tricky mug", handle: "tricky-mug", description: "&lt;b&gt;Bold&lt;/b&gt; mug <img src=x onerror=alert(1)>" })}\n`,
      format: "jsonl",
    });
    assert.equal(tricky.isError, undefined, textOf(tricky));
    const trickyId = (await listAll()).find((p) => p.title === "Tricky mug")?.id;
    assert.ok(trickyId);
    assert.equal(
      (
        await callTool(server.client, "save_product_copy", {
          id: trickyId,
          copy: { ...productCopyOf("save_product_copy", saved), description: "A plain mug." },
        })
      ).isError,
      undefined,
    );
    const trickyView = await mount(
      PRODUCT_REVIEW,
      await callTool(server.client, "get_product", { id: trickyId }),
      {
        id: trickyId,
      },
    );
    const before = trickyView.locator('[data-compare="description"] [data-before]');
    await before.waitFor();
    assert.equal(await before.textContent(), "<b>Bold</b> mug");
    assert.equal(await trickyView.locator("[data-compare] b, [data-compare] img").count(), 0);
    assert.deepEqual(violations, []);
  });

  it("a client without the UI extension sees copydesk's tools, and none kept for the app alone", async () => {
    const plain = await startServer({ sampling: copywriter() });
    try {
      const { tools: listed } = await plain.client.listTools();
      const appOnly = listed.filter((t) => {
        const visibility = (t._meta?.ui as { visibility?: string[] } | undefined)?.visibility;
        return visibility !== undefined && !visibility.includes("model");
      });
      assert.deepEqual(
        appOnly.map((t) => t.name),
        [],
      );
      assert.deepEqual(listed.map((t) => t.name).sort(), [...tools].sort());
    } finally {
      await plain.close();
    }
  });

  async function listAll() {
    const result = await callTool(server.client, "list_products", { limit: 100 });
    return structured("list_products", result).products;
  }
});

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  void what;
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function waitForCount(view: FrameLocator, count: number): Promise<void> {
  while ((await view.locator("tbody tr").count()) !== count)
    await new Promise((resolve) => setTimeout(resolve, 50));
}
