import type { AnyPrompt } from "./define-prompt.ts";
import { describeProduct } from "./describe-product.ts";
import { summarisePost } from "./summarise-post.ts";
import { writeCatalogCopy } from "./write-catalog-copy.ts";

export const PROMPTS: readonly AnyPrompt[] = [describeProduct, writeCatalogCopy, summarisePost];
