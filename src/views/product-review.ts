import { connect, errorText } from "./bridge.ts";
import { type Product, renderCard } from "./card.ts";
import type { StoreCopy } from "./compare.ts";

const root = document.getElementById("app") as HTMLElement;
const bridge = connect("copydesk product review", (result) => {
  const data = result.structuredContent ?? {};
  const product = data.product as Product | undefined;
  if (result.isError || !product) {
    root.textContent = result.isError ? errorText(result) : "This result has no product to show.";
    return;
  }
  if ("storeCopy" in data) {
    renderCard(root, bridge, product, (data.storeCopy as StoreCopy | null) ?? null);
    return;
  }
  // Only get_product carries the store's copy: the card asks for it, and shows the product meanwhile.
  renderCard(root, bridge, product);
  void bridge.callTool("get_product", { id: product.id }).then(
    (got) => {
      const store = got.structuredContent?.storeCopy as StoreCopy | null | undefined;
      if (!got.isError && store) renderCard(root, bridge, product, store);
    },
    () => {},
  );
});
