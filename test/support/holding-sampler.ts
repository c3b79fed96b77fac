import { copywriter, lastMessageText } from "./copy-replies.ts";
import type { SamplingHandler } from "./server-process.ts";

/** The product a sampling request is for, as the brief names it. */
export const productNameOf = (prompt: string) =>
  /<product_name>\n(.*)\n<\/product_name>/.exec(prompt)?.[1] ?? "?";

/**
 * A client that answers the first product, then holds every later sampling request open, as a client
 * waiting for its user would, until `release()`. `held` has each held request's signal (aborted when the
 * server sends notifications/cancelled for it); `answered`, the products answered, in order.
 */
export function holdingSampler(count: number) {
  const answered: string[] = [];
  const held: AbortSignal[] = [];
  let holding = true;
  let allHeld: () => void = () => {};
  const heldAll = new Promise<void>((resolve) => {
    allHeld = resolve;
  });
  const write = copywriter();
  const sampling: SamplingHandler = async (request, extra) => {
    if (holding && answered.length > 0) {
      held.push(extra.signal);
      if (held.length === count) allHeld();
      return new Promise(() => {});
    }
    answered.push(productNameOf(lastMessageText(request.params)));
    return write(request, extra);
  };
  return {
    sampling,
    answered,
    held,
    /** Resolves once `count` requests are held. */
    heldAll,
    release: () => {
      holding = false;
    },
  };
}
