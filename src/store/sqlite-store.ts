import type { SQLInputValue } from "node:sqlite";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { migrate } from "./migrations.ts";
import { openDatabase } from "./open-database.ts";
import type { NewPost, NewProduct, Page, PageRequest, Post, PostSummary, Product, Store } from "./records.ts";

export interface SqliteStoreOptions {
  /** Database file, or ":memory:". Its directory is created if missing. */
  readonly path: string;
  readonly now: () => Date;
  readonly newId: () => string;
}

type Row = Record<string, SQLInputValue>;

const POST_SUMMARY_COLUMNS = "seq, id, title, abstract, model, stop_reason, route, created_at, updated_at";
const POST_COLUMNS = `${POST_SUMMARY_COLUMNS}, content`;
const PRODUCT_COLUMNS =
  "seq, id, title, keywords, description, model, stop_reason, route, created_at, updated_at";

export function openSqliteStore({ path, now, newId }: SqliteStoreOptions): Store {
  const { db, beforeWrite } = openDatabase(path, migrate);

  const insertPost = db.prepare(
    `INSERT INTO posts (id, title, content, abstract, model, stop_reason, route, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${POST_COLUMNS}`,
  );
  const insertProduct = db.prepare(
    `INSERT INTO products (id, title, keywords, description, model, stop_reason, route, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${PRODUCT_COLUMNS}`,
  );
  const updatePost = db.prepare(
    `UPDATE posts SET abstract = ?, model = ?, stop_reason = ?, route = ?, updated_at = ? WHERE id = ?
     RETURNING ${POST_COLUMNS}`,
  );
  const updateProduct = db.prepare(
    `UPDATE products SET description = ?, model = ?, stop_reason = ?, route = ?, updated_at = ? WHERE id = ?
     RETURNING ${PRODUCT_COLUMNS}`,
  );
  const postById = db.prepare(`SELECT ${POST_COLUMNS} FROM posts WHERE id = ?`);
  const productById = db.prepare(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = ?`);
  const postsBefore = db.prepare(
    `SELECT ${POST_SUMMARY_COLUMNS} FROM posts WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
  );
  const productsBefore = db.prepare(
    `SELECT ${PRODUCT_COLUMNS} FROM products WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
  );

  function page<T>(rows: Row[], limit: number, toRecord: (row: Row) => T): Page<T> {
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return rows.length > limit && last
      ? { items: items.map(toRecord), nextCursor: encodeCursor(Number(last.seq)) }
      : { items: items.map(toRecord) };
  }

  function before({ cursor }: PageRequest): number {
    return cursor === undefined ? Number.MAX_SAFE_INTEGER : decodeCursor(cursor);
  }

  return {
    createPost(post: NewPost): Post {
      beforeWrite();
      const at = now().toISOString();
      const row = insertPost.get(
        newId(),
        post.title,
        post.content,
        post.abstract,
        post.model,
        post.stopReason,
        post.route,
        at,
        at,
      ) as Row;
      return toPost(row);
    },
    getPost(id) {
      const row = postById.get(id) as Row | undefined;
      return row && toPost(row);
    },
    listPosts(request) {
      return page(postsBefore.all(before(request), request.limit + 1) as Row[], request.limit, toPostSummary);
    },
    createProduct(product: NewProduct): Product {
      beforeWrite();
      const at = now().toISOString();
      const row = insertProduct.get(
        newId(),
        product.title,
        JSON.stringify(product.keywords),
        product.description,
        product.model,
        product.stopReason,
        product.route,
        at,
        at,
      ) as Row;
      return toProduct(row);
    },
    getProduct(id) {
      const row = productById.get(id) as Row | undefined;
      return row && toProduct(row);
    },
    saveAbstract(id, abstract, { model, stopReason, route }) {
      beforeWrite();
      const row = updatePost.get(abstract, model, stopReason, route, now().toISOString(), id) as
        | Row
        | undefined;
      return row && toPost(row);
    },
    saveDescription(id, description, { model, stopReason, route }) {
      beforeWrite();
      const row = updateProduct.get(description, model, stopReason, route, now().toISOString(), id) as
        | Row
        | undefined;
      return row && toProduct(row);
    },
    listProducts(request) {
      return page(productsBefore.all(before(request), request.limit + 1) as Row[], request.limit, toProduct);
    },
    close() {
      if (db.isOpen) db.close();
    },
  };
}

function toPostSummary(row: Row): PostSummary {
  return {
    id: String(row.id),
    title: String(row.title),
    abstract: nullableString(row.abstract),
    ...provenance(row),
  };
}

function toPost(row: Row): Post {
  return { ...toPostSummary(row), content: String(row.content) };
}

function toProduct(row: Row): Product {
  return {
    id: String(row.id),
    title: String(row.title),
    keywords: JSON.parse(String(row.keywords)) as string[],
    description: nullableString(row.description),
    ...provenance(row),
  };
}

function provenance(row: Row) {
  return {
    model: nullableString(row.model),
    stopReason: nullableString(row.stop_reason),
    route: String(row.route),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

function nullableString(value: SQLInputValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}
