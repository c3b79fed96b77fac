import { type ZodType, z } from "zod";

/**
 * An input a client sees as `schema` (the JSON Schema it publishes) but that the SDK lets through as any
 * object, for the tool to check itself: a page of items then saves every valid one and reports each
 * invalid one by its index, instead of the whole call failing on one item.
 */
export function checkedLater(schema: ZodType): ZodType<Record<string, unknown>> {
  const lenient = z.record(z.string(), z.unknown());
  let published: string | undefined;
  (lenient._zod as { toJSONSchema?: () => unknown }).toJSONSchema = () => {
    if (published === undefined) {
      const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input" });
      published = JSON.stringify(json);
    }
    return JSON.parse(published);
  };
  return lenient;
}

/** A zod error as one line: each problem with the field it is in. */
export function issuesText(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
