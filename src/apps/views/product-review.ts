import { connect, errorText } from "./bridge.ts";
import { type Product, renderCard } from "./card.ts";

const root = document.getElementById("app") as HTMLElement;
const bridge = connect("copydesk product review", (result) => {
  const product = result.structuredContent?.product as Product | undefined;
  if (result.isError || !product) {
    root.textContent = result.isError ? errorText(result) : "This result has no product to show.";
    return;
  }
  renderCard(root, bridge, product);
});
