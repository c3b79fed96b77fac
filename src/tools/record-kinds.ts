import type { Post, Product } from "../store/records.ts";

/** What the tools say about one kind of record, so the create, save and get tools share one wording. */
export interface RecordKind<R extends { id: string; title: string }> {
  /** "blog post", "product". */
  readonly noun: string;
  /** The written text's name: "abstract", "description". */
  readonly what: string;
  /** Resource URI prefix. */
  readonly uri: string;
  /** The tool that saves text the calling model wrote. */
  readonly saveWith: string;
  /** The tool that lists the records' ids. */
  readonly listWith: string;
  readonly text: (record: R) => string | null;
}

export const POST: RecordKind<Post> = {
  noun: "blog post",
  what: "abstract",
  uri: "copydesk://posts/",
  saveWith: "save_blog_abstract",
  listWith: "list_posts",
  text: (record) => record.abstract,
};

export const PRODUCT: RecordKind<Product> = {
  noun: "product",
  what: "description",
  uri: "copydesk://products/",
  saveWith: "save_product_description",
  listWith: "list_products",
  text: (record) => record.description,
};
