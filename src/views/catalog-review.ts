import { type Bridge, connect, errorText, type ToolResult } from "./bridge.ts";
import { type Product, renderCard } from "./card.ts";
import { type ComparedField, FIELD_LABELS, type StoreCopy } from "./compare.ts";
import { h } from "./dom.ts";

/** A product as list_products summarises it. */
interface Listed {
  readonly id: string;
  readonly title: string;
  readonly status?: string;
  readonly version: number | null;
  readonly failing?: readonly string[] | null;
  readonly excerpt?: string | null;
  /** Absent when copydesk knows no store copy for it. */
  readonly changes?: readonly ComparedField[];
}

interface Job {
  readonly id: string;
  readonly state: "running" | "done" | "cancelled" | "interrupted" | "stopped" | "waiting_for_copy";
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly stopReason?: string;
}

const STATUSES = ["draft", "written", "needs_review", "approved", "exported"] as const;
const POLL_MS = 1000;
const PAGE = 100;

const root = document.getElementById("app") as HTMLElement;
const statusLine = h("p", { class: "status", role: "status", "aria-live": "polite" });
const jobLine = h("div", { class: "job", role: "status", "aria-live": "polite" });
const filter = h(
  "select",
  { id: "filter" },
  h("option", { value: "" }, "All"),
  ...STATUSES.map((s) => h("option", { value: s }, s.replace("_", " "))),
);
const approveButton = h("button", { type: "button", class: "primary", disabled: true }, "Approve selected");
const format = h(
  "select",
  { id: "format" },
  ...["shopify", "woocommerce", "csv", "jsonl"].map((f) => h("option", { value: f }, f)),
);
const path = h("input", { id: "path", type: "text", value: "copydesk-export.csv" });
const exportButton = h("button", { type: "button" }, "Export approved");
const selectAll = h("input", { type: "checkbox", "aria-label": "Select every product shown" });
const body = h("tbody");
const more = h("button", { type: "button", hidden: true }, "Load more");
const detail = h("section", { class: "detail", "aria-label": "Product" });

let products: Listed[] = [];
let cursor: string | undefined;
const selected = new Set<string>();

const bridge: Bridge = connect("copydesk catalog review", (result) => {
  if (result.isError) {
    statusLine.textContent = errorText(result);
    return;
  }
  const data = result.structuredContent ?? {};
  if (data.job) follow(data.job as Job);
  if (Array.isArray(data.products))
    show(data.products as Listed[], data.nextCursor as string | undefined, false);
});

async function call(name: string, args: Record<string, unknown>): Promise<ToolResult | undefined> {
  try {
    const result = await bridge.callTool(name, args);
    if (!result.isError) return result;
    statusLine.textContent = errorText(result);
  } catch (error) {
    statusLine.textContent = error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

function failingChecks(product: Listed): string {
  if (product.failing === null || product.failing === undefined) return "not run";
  return product.failing.length ? product.failing.join(", ") : "none";
}

function changesText(product: Listed): string {
  if (product.version === null) return "no copy yet";
  if (product.changes === undefined) return "new (no store copy)";
  return product.changes.length ? product.changes.map((f) => FIELD_LABELS[f] ?? f).join(", ") : "none";
}

function show(page: Listed[], next: string | undefined, append: boolean): void {
  // The filter is applied here too, so the table is right even where list_products takes no status.
  const wanted = filter.value;
  const kept = wanted ? page.filter((p) => p.status === undefined || p.status === wanted) : page;
  products = append ? [...products, ...kept] : kept;
  cursor = next;
  more.hidden = next === undefined;
  for (const id of [...selected]) if (!products.some((p) => p.id === id)) selected.delete(id);
  body.replaceChildren(
    ...products.map((product) => {
      const box = h("input", {
        type: "checkbox",
        "aria-label": `Select ${product.title}`,
        checked: selected.has(product.id),
        onchange: (event) => {
          if ((event.target as HTMLInputElement).checked) selected.add(product.id);
          else selected.delete(product.id);
          updateSelection();
        },
      });
      return h(
        "tr",
        { "data-id": product.id },
        h("td", {}, box),
        h("th", { scope: "row" }, product.title),
        h("td", { "data-status": "" }, (product.status ?? "").replace("_", " ")),
        h("td", { "data-failing": "" }, failingChecks(product)),
        h("td", { class: "excerpt", "data-excerpt": "" }, product.excerpt ?? ""),
        h("td", { "data-changes": "" }, changesText(product)),
        h(
          "td",
          {},
          h(
            "button",
            { type: "button", "aria-label": `Open ${product.title}`, onclick: () => open(product.id) },
            "Open",
          ),
        ),
      );
    }),
  );
  updateSelection();
}

function updateSelection(): void {
  approveButton.disabled = selected.size === 0;
  approveButton.textContent = selected.size ? `Approve selected (${selected.size})` : "Approve selected";
  selectAll.checked = products.length > 0 && products.every((p) => selected.has(p.id));
}

async function reload(append = false): Promise<void> {
  const args: Record<string, unknown> = { limit: PAGE };
  if (filter.value) args.status = filter.value;
  if (append && cursor) args.cursor = cursor;
  const result = await call("list_products", args);
  const data = result?.structuredContent;
  if (data && Array.isArray(data.products))
    show(data.products as Listed[], data.nextCursor as string | undefined, append);
}

async function open(id: string): Promise<void> {
  const result = await call("get_product", { id });
  const product = result?.structuredContent?.product as Product | undefined;
  if (!product) return;
  const card = h("div");
  renderCard(card, bridge, product, (result?.structuredContent?.storeCopy as StoreCopy | null) ?? null);
  detail.replaceChildren(
    h("button", { type: "button", onclick: () => detail.replaceChildren() }, "Close product"),
    card,
  );
  detail.querySelector("h1")?.setAttribute("tabindex", "-1");
  (detail.querySelector("h1") as HTMLElement | null)?.focus();
}

function follow(job: Job): void {
  const bar = h("progress", {
    max: Math.max(job.total, 1),
    value: job.done + job.failed,
    "aria-label": "Writing progress",
  });
  const words = `${job.done} of ${job.total} written${job.failed ? `, ${job.failed} failed` : ""}`;
  jobLine.dataset.state = job.state;
  const why = job.stopReason ? `: ${job.stopReason}` : "";
  jobLine.replaceChildren(bar, ` ${words} (${job.state}${why})`);
  if (job.state === "running") {
    setTimeout(async () => {
      const result = await call("get_job", { id: job.id });
      const next = result?.structuredContent?.job as Job | undefined;
      if (next) follow(next);
    }, POLL_MS);
  } else void reload();
}

filter.addEventListener("change", () => void reload());
selectAll.addEventListener("change", () => {
  for (const p of products) {
    if (selectAll.checked) selected.add(p.id);
    else selected.delete(p.id);
  }
  show(products, cursor, false);
});
more.addEventListener("click", () => void reload(true));
approveButton.addEventListener("click", async () => {
  const ids = [...selected];
  const result = await call("approve_products", { ids });
  if (!result) return;
  const approved = (result.structuredContent?.approved as string[] | undefined) ?? [];
  selected.clear();
  statusLine.textContent = `Approved ${approved.length} product${approved.length === 1 ? "" : "s"}.`;
  await reload();
});
exportButton.addEventListener("click", async () => {
  const result = await call("export_products", {
    format: format.value,
    path: path.value,
    include: ["approved"],
  });
  // export_products answers { export: { path, products, ... } }; a flat answer is read the same way.
  const structured = result?.structuredContent;
  const data = (structured?.export ?? structured) as { path?: string; products?: number } | undefined;
  if (data)
    statusLine.textContent = `Exported ${data.products} product${data.products === 1 ? "" : "s"} to ${data.path}.`;
});

root.replaceChildren(
  h("h1", {}, "Catalog review"),
  jobLine,
  h("div", { class: "row toolbar" }, h("label", { for: "filter" }, "Status "), filter, approveButton),
  h(
    "table",
    {},
    h("caption", { class: "visually-hidden" }, "Products"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("td", {}, selectAll),
        h("th", { scope: "col" }, "Product"),
        h("th", { scope: "col" }, "Status"),
        h("th", { scope: "col" }, "Failing checks"),
        h("th", { scope: "col" }, "New description"),
        h("th", { scope: "col" }, "Changes"),
        h("td", {}),
      ),
    ),
    body,
  ),
  more,
  h(
    "div",
    { class: "row toolbar" },
    h("label", { for: "format" }, "Format "),
    format,
    h("label", { for: "path" }, "Export to "),
    path,
    exportButton,
  ),
  statusLine,
  detail,
);
