import type { BrandVoices } from "./brand-voices.ts";

/** How a stored text came to be: recorded with every record so a reader can judge it. */
export interface Provenance {
  /** The model that wrote the text, as reported (hints are only advisory); null while a draft. */
  readonly model: string | null;
  /** Why generation stopped; "maxTokens" means the text may be cut short. */
  readonly stopReason: string | null;
  /** Which route produced the text: "client-sampling", "provider" or "host-model". */
  readonly route: string;
}

export interface Post extends Provenance {
  readonly id: string;
  readonly title: string;
  readonly content: string;
  /** Null while a draft waits for the host model to write it. */
  readonly abstract: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A post without its full text: what lists need. */
export type PostSummary = Omit<Post, "content">;

export interface Product extends Provenance {
  readonly id: string;
  readonly title: string;
  readonly keywords: string[];
  /** Null while a draft waits for the host model to write it. */
  readonly description: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type NewPost = Pick<Post, "title" | "content" | "abstract"> & Provenance;
export type NewProduct = Pick<Product, "title" | "keywords" | "description"> & Provenance;

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back to get the next (older) page; absent on the last page. */
  readonly nextCursor?: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
}

export interface Store {
  createPost(post: NewPost): Post;
  getPost(id: string): Post | undefined;
  /** Newest first, without the posts' full text. */
  listPosts(page: PageRequest): Page<PostSummary>;
  /** Sets (or replaces) a post's abstract; undefined when there is no such post. */
  saveAbstract(id: string, abstract: string, provenance: Provenance): Post | undefined;
  createProduct(product: NewProduct): Product;
  getProduct(id: string): Product | undefined;
  listProducts(page: PageRequest): Page<Product>;
  /** Sets (or replaces) a product's description; undefined when there is no such product. */
  saveDescription(id: string, description: string, provenance: Provenance): Product | undefined;
  readonly brands: BrandVoices;
  close(): void;
}

/** A cursor that is not one this store handed out. */
export class InvalidCursorError extends Error {
  constructor() {
    super(
      "The cursor is not valid: pass back the nextCursor of a previous page, or omit it for the first page.",
    );
    this.name = "InvalidCursorError";
  }
}
