import type { ToolOutputs } from "../mcp/tools/tool-outputs.ts";
import type { SeoLimits } from "../services/seo-limits.ts";
import { type Bridge, errorText, type ToolResult } from "./bridge.ts";
import {
  type ComparedField,
  changedFields,
  comparison,
  FIELD_LABELS,
  newText,
  type StoreCopy,
} from "./compare.ts";
import { h, length, safeHtml } from "./dom.ts";

/**
 * A product as create_product, get_product, revise_product and restore_product_version return it: the
 * type is made from their published output schema (npm run readme), so the card reads what is sent.
 */
export type Product = ToolOutputs["get_product"]["product"];

/** The limits copydesk's checks hold the SEO fields to: tsc fails here if checks/seo-limits.ts changes. */
const LIMITS: Readonly<Record<string, number>> = {
  seo_title: 60,
  seo_description: 160,
} satisfies SeoLimits;

/** What a version edited in the view records as its writer. */
const EDITED_BY_HAND = "edited by hand in the review view";

/** The fields edited in place; bullets and tags are revised or saved whole. */
type TextField = "short_description" | "description" | "seo_title" | "seo_description";

const counterText = (field: string, text: string) =>
  LIMITS[field] === undefined ? "" : `${length(text)}/${LIMITS[field]} characters`;

function counter(field: string, text: string): HTMLElement | null {
  const limit = LIMITS[field];
  if (limit === undefined) return null;
  return h(
    "span",
    { class: length(text) > limit ? "counter over" : "counter", "data-counter": field },
    counterText(field, text),
  );
}

/**
 * A product card: its copy field by field (beside the store's copy, when copydesk knows it, with the
 * differences marked), its checks, its version, and the actions on it.
 */
export function renderCard(
  root: HTMLElement,
  bridge: Bridge,
  product: Product,
  store: StoreCopy | null = null,
): void {
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const show = (next: Product, message?: string) => {
    renderCard(root, bridge, next, store);
    if (message) (root.querySelector(".status") as HTMLElement).textContent = message;
  };
  const call = async (
    name: string,
    args: Record<string, unknown>,
    busy: string,
  ): Promise<ToolResult | undefined> => {
    status.textContent = busy;
    try {
      const result = await bridge.callTool(name, args);
      if (result.isError) {
        status.textContent = errorText(result);
        return undefined;
      }
      return result;
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
      return undefined;
    }
  };
  const productOf = (result: ToolResult | undefined) =>
    result?.structuredContent?.product as Product | undefined;

  const copy = product.copy;
  const changes = copy && store ? changedFields(copy, store) : [];
  const against = store
    ? h(
        "p",
        { class: "changes", "data-changes": changes.join(",") },
        changes.length > 0
          ? `Changes against the store's copy: ${changes.map((f: ComparedField) => FIELD_LABELS[f]).join(", ")}.`
          : "The same as the store's copy.",
        " ",
        h(
          "span",
          { class: "source", title: store.importId ? `import ${store.importId}` : undefined },
          store.source === "import"
            ? "(The store's copy: its row in the imported store file.)"
            : "(The store's copy: the existing description it was given.)",
        ),
      )
    : null;
  const checks = [...(product.checks ?? [])].sort((a, b) => Number(a.ok) - Number(b.ok));
  const failing = checks.filter((c) => !c.ok);

  const field = (name: TextField, label: string) => {
    const value = copy?.[name] ?? "";
    const id = `field-${name}`;
    const box = h("section", { class: "field", "aria-labelledby": id, "data-field": name });
    const before = store?.copy[name];
    const body =
      copy && typeof before === "string"
        ? comparison(name, label, before, newText(copy, name))
        : name === "description" && copy
          ? h("div", { class: "value html" }, safeHtml(copy.description_html))
          : h("p", { class: "value" }, value);
    const note =
      copy && store?.source === "import" && before === null
        ? h(
            "p",
            { class: "note" },
            `The store file has no column for the ${label.toLowerCase()}: an export leaves it out.`,
          )
        : null;
    const edit = h(
      "button",
      {
        type: "button",
        "aria-label": `Edit ${label}`,
        onclick: () => {
          const input =
            name === "description" || name === "seo_description"
              ? h("textarea", { id: `${id}-input`, rows: name === "description" ? 8 : 3 })
              : h("input", { id: `${id}-input`, type: "text" });
          input.value = value;
          const live = counter(name, value);
          input.addEventListener("input", () => {
            if (!live) return;
            live.textContent = counterText(name, input.value);
            live.classList.toggle("over", length(input.value) > (LIMITS[name] ?? Infinity));
          });
          const save = h(
            "button",
            {
              type: "button",
              onclick: async () => {
                if (!copy) return;
                const { description_html, ...rest } = copy;
                const changed = {
                  ...rest,
                  ...(name === "description" ? {} : { description_html }),
                  [name]: input.value,
                };
                const saved = productOf(
                  await call(
                    "save_product_copy",
                    // edited_by_person marks the product needs_review where copydesk keeps review statuses.
                    { id: product.id, copy: changed, model: EDITED_BY_HAND, edited_by_person: true },
                    `Saving ${label}…`,
                  ),
                );
                if (saved) show(saved, `Saved ${label} as version ${saved.version}.`);
              },
            },
            "Save",
          );
          const cancel = h("button", { type: "button", onclick: () => show(product) }, "Cancel");
          box.replaceChildren(
            h("label", { for: `${id}-input`, id }, label),
            input,
            live ?? "",
            h("div", { class: "row" }, save, cancel),
          );
          input.focus();
        },
      },
      "Edit",
    );
    box.append(h("h2", { id }, label, " ", counter(name, value)), body);
    if (note) box.append(note);
    if (copy) box.append(edit);
    return box;
  };

  const versions = h("select", { id: "version", "aria-label": "Version shown" });
  for (let v = product.latestVersion; v >= 1; v--) {
    const option = h("option", { value: v }, `Version ${v}${v === product.latestVersion ? " (latest)" : ""}`);
    if (v === product.version) option.selected = true;
    versions.append(option);
  }
  versions.addEventListener("change", async () => {
    const version = Number(versions.value);
    const shown = productOf(
      await call("get_product", { id: product.id, version }, `Loading version ${version}…`),
    );
    if (shown) show(shown);
  });
  const older = product.version !== null && product.version !== product.latestVersion;
  const restore = h(
    "button",
    {
      type: "button",
      disabled: !older,
      onclick: async () => {
        const restored = productOf(
          await call("restore_product_version", { id: product.id, version: product.version }, "Restoring…"),
        );
        if (restored) show(restored, `Restored version ${product.version} as version ${restored.version}.`);
      },
    },
    "Restore this version",
  );

  const instruction = h("textarea", {
    id: "instruction",
    rows: 2,
    placeholder: "e.g. shorter, mention it is microwave safe",
  });
  const revise = h(
    "button",
    {
      type: "button",
      onclick: async () => {
        const instructions = instruction.value.trim();
        if (!instructions) {
          status.textContent = "Write an instruction first.";
          instruction.focus();
          return;
        }
        const revised = productOf(
          await call("revise_product", { id: product.id, instructions }, "Revising…"),
        );
        if (revised) show(revised, `Revised: version ${revised.version}.`);
      },
    },
    "Revise",
  );
  const approve = h(
    "button",
    {
      type: "button",
      class: "primary",
      onclick: async () => {
        const result = await call("approve_products", { ids: [product.id] }, "Approving…");
        const approved = (result?.structuredContent?.approved as string[] | undefined) ?? [];
        if (approved.includes(product.id)) show({ ...product, status: "approved" }, "Approved.");
        else if (result) status.textContent = "Not approved: copydesk did not find this product.";
      },
    },
    "Approve",
  );

  root.replaceChildren(
    h(
      "article",
      { class: "card", "aria-labelledby": "product-title" },
      h(
        "header",
        {},
        h("h1", { id: "product-title" }, product.title),
        h(
          "p",
          { class: "meta" },
          product.handle ? h("span", { "data-handle": "" }, `/${product.handle}`) : null,
          product.status
            ? h(
                "span",
                { class: `badge ${product.status}`, "data-status": "" },
                product.status.replace("_", " "),
              )
            : null,
        ),
      ),
      product.image
        ? h("p", { class: "image" }, `Image: ${product.image.source} (${product.image.mimeType})`)
        : null,
      copy ? against : null,
      h(
        "section",
        { class: "checks", "aria-labelledby": "checks-title" },
        h(
          "h2",
          { id: "checks-title" },
          failing.length
            ? `${failing.length} check${failing.length > 1 ? "s" : ""} failing`
            : "All checks pass",
        ),
        h(
          "ul",
          {},
          ...checks.map((c) =>
            h(
              "li",
              { class: c.ok ? "ok" : "fail", "data-check": c.check },
              c.ok ? "✓ " : "✗ ",
              h("strong", {}, c.check),
              `: ${c.detail}`,
            ),
          ),
        ),
      ),
      copy
        ? h(
            "div",
            { class: "fields" },
            field("short_description", "Short description"),
            field("description", "Description"),
            h(
              "section",
              { class: "field", "aria-labelledby": "bullets-title" },
              h("h2", { id: "bullets-title" }, "Bullets"),
              h("ul", { "data-bullets": "" }, ...copy.bullets.map((b) => h("li", {}, b))),
            ),
            field("seo_title", "SEO title"),
            field("seo_description", "SEO description"),
            h(
              "section",
              { class: "field", "aria-labelledby": "tags-title" },
              h("h2", { id: "tags-title" }, "Tags"),
              h(
                "p",
                { class: "tags", "data-tags": "" },
                ...copy.tags.map((t) => h("span", { class: "tag" }, t)),
              ),
            ),
          )
        : h("p", {}, "A draft: no copy yet."),
      h(
        "footer",
        {},
        h(
          "p",
          { class: "provenance", "data-version": String(product.version ?? "") },
          product.version === null
            ? "Draft"
            : `Version ${product.version} of ${product.latestVersion}, written by ${product.model ?? "an unnamed model"} (${product.route ?? "?"})`,
        ),
        product.latestVersion > 1 ? h("div", { class: "row" }, versions, restore) : null,
        h("div", { class: "row" }, approve),
        h("label", { for: "instruction" }, "Instruction for a revision"),
        h("div", { class: "row" }, instruction, revise),
        status,
      ),
    ),
  );
}
