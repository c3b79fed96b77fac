import { createBlog } from "./create-blog.ts";
import { createProduct } from "./create-product.ts";
import type { AnyTool } from "./define-tool.ts";
import { deleteBrandVoice } from "./delete-brand-voice.ts";
import { getPost } from "./get-post.ts";
import { getProduct } from "./get-product.ts";
import { listBrandVoices } from "./list-brand-voices.ts";
import { listPosts } from "./list-posts.ts";
import { listProducts } from "./list-products.ts";
import { saveBlogAbstract } from "./save-blog-abstract.ts";
import { saveProductDescription } from "./save-product-description.ts";
import { setBrandVoice } from "./set-brand-voice.ts";

export const TOOLS: readonly AnyTool[] = [
  createBlog,
  createProduct,
  saveBlogAbstract,
  saveProductDescription,
  listPosts,
  getPost,
  listProducts,
  getProduct,
  setBrandVoice,
  listBrandVoices,
  deleteBrandVoice,
];
