/** The part of JSON Schema that zod's toJSONSchema publishes for copydesk's tools. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
}

/** One parameter of a tool, nested ones named by path: `copy.tags`, `items[].id`, `facts.<key>`. */
export interface SchemaRow {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly default?: string;
  readonly description: string;
}

/**
 * Every property of an object schema, depth first, descending into objects, arrays of objects, maps and
 * anyOf branches, so that a description on an inner field shows in the reference as a client sees it.
 */
export function schemaRows(schema: JsonSchema, prefix = ""): SchemaRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    const row: SchemaRow = {
      path,
      type: typeOf(property),
      required: required.has(name),
      ...(property.default === undefined ? {} : { default: JSON.stringify(property.default) }),
      description: descriptionOf(property),
    };
    return [row, ...innerRows(property, path)];
  });
}

/** The rows below a property: its own fields, its items' fields, a map's values' fields. */
function innerRows(schema: JsonSchema, path: string): SchemaRow[] {
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (branches.length > 0) {
    // A nullable object is anyOf [object, null]: its fields are the object's; distinct paths only.
    const seen = new Set<string>();
    return branches
      .flatMap((branch) => innerRows(branch, path))
      .filter((row) => !seen.has(row.path) && seen.add(row.path));
  }
  if (schema.properties) return schemaRows(schema, `${path}.`);
  if (schema.items) return innerRows(schema.items, `${path}[]`);
  if (typeof schema.additionalProperties === "object") {
    return innerRows(schema.additionalProperties, `${path}.<key>`);
  }
  return [];
}

/** A property's description, or that of the branch that carries one. */
function descriptionOf(schema: JsonSchema): string {
  if (schema.description !== undefined) return schema.description;
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    const found = descriptionOf(branch);
    if (found !== "") return found;
  }
  return "";
}

/** A short type with its limits, e.g. `string (1-200 chars)`, `array (1-25 items) of string`, `"a" | "b"`. */
export function typeOf(schema: JsonSchema): string {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return [...new Set(branches.map(typeOf))].join(" or ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = typeof schema.type === "string" ? schema.type : (schema.type?.join(" or ") ?? "any");
  if (type === "array") {
    const items = schema.items ? ` of ${typeOf(schema.items)}` : "";
    return `array${range(schema.minItems, schema.maxItems, " items")}${items}`;
  }
  if (type === "object" && !schema.properties && typeof schema.additionalProperties === "object") {
    return `map of ${typeOf(schema.additionalProperties)}`;
  }
  if (type === "string") {
    const pattern = schema.pattern === undefined ? "" : `, matching \`${schema.pattern}\``;
    return `string${range(schema.minLength, schema.maxLength, " chars")}${pattern}`;
  }
  if (type === "integer" || type === "number") return `${type}${range(schema.minimum, schema.maximum, "")}`;
  return type;
}

/** zod gives every integer the safe-integer bounds: those say nothing and are left out. */
function range(min: number | undefined, max: number | undefined, unit: string): string {
  const low = min === undefined || min <= Number.MIN_SAFE_INTEGER ? undefined : min;
  const high = max === undefined || max >= Number.MAX_SAFE_INTEGER ? undefined : max;
  if (low === undefined && high === undefined) return "";
  if (low === undefined) return ` (at most ${high}${unit})`;
  if (high === undefined) return ` (at least ${low}${unit})`;
  return ` (${low}-${high}${unit})`;
}
