import { createBlog } from "./create-blog.ts";
import { createProduct } from "./create-product.ts";
import type { AnyTool } from "./define-tool.ts";
import { getPost } from "./get-post.ts";
import { getProduct } from "./get-product.ts";
import { listPosts } from "./list-posts.ts";
import { listProducts } from "./list-products.ts";

export const TOOLS: readonly AnyTool[] = [
  createBlog,
  createProduct,
  listPosts,
  getPost,
  listProducts,
  getProduct,
];
