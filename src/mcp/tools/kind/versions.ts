import { z } from "zod";
import { failedChecks } from "../../../checks/index.ts";
import type { AnyKind } from "../../../kinds/index.ts";
import { NotFoundError } from "../../../services/failures.ts";
import { type AnyTool, defineTool } from "../define-tool.ts";
import { idField } from "./id-field.ts";

const versionSchema = z.object({
  version: z.number().int(),
  createdAt: z.string().describe("ISO 8601 time the version was stored"),
  source: z.string().describe("generated, revised, saved, restored or migrated (kept from copydesk 0.1)"),
  route: z.string().describe("client-sampling, provider or host-model"),
  model: z.string().nullable(),
  instructions: z.string().nullable().describe("What the user asked for, for a revision"),
  restoredFrom: z.number().int().optional().describe("The version a restore brought back"),
  failedChecks: z.array(z.string()).nullable().describe("The checks this version fails; null when not run"),
  jobId: z.string().optional().describe("The catalog job that wrote it (get_job shows it)"),
});

/** list_product_versions, list_post_versions: the history of a record's copy. */
export function versionsTool(kind: AnyKind): AnyTool {
  return defineTool({
    name: kind.tools.versions,
    title: `List ${kind.noun} versions`,
    description:
      `List every version of a stored ${kind.noun}'s copy, oldest first: when, how and by which model it was ` +
      `written, the instructions of a revision, and its failing checks. ${kind.tools.get} with a version shows one.`,
    inputSchema: {
      id: idField(kind),
    },
    outputSchema: { id: z.string(), versions: z.array(versionSchema) },
    annotations: { readOnlyHint: true, openWorldHint: false },
    async handle({ id }, deps) {
      const found = deps.store().versions(kind.name, id);
      if (!found)
        throw new NotFoundError(
          `There is no ${kind.noun} with id "${id}". ${kind.tools.list} shows the ids.`,
        );
      const versions = found.map(({ checks, stopReason: _stop, ...rest }) => ({
        ...rest,
        failedChecks: checks && failedChecks(checks).map((c) => c.check),
      }));
      const lines = versions.map(
        (v) =>
          `- v${v.version} ${v.createdAt}: ${v.source}${v.restoredFrom ? ` from v${v.restoredFrom}` : ""} by ${v.model ?? "?"} (${v.route})` +
          (v.instructions ? `, asked: "${v.instructions}"` : "") +
          (v.jobId ? `, job ${v.jobId}` : "") +
          (v.failedChecks === null
            ? ""
            : v.failedChecks.length > 0
              ? `; failing: ${v.failedChecks.join(", ")}`
              : "; checks passed"),
      );
      return {
        structured: { id, versions },
        text:
          lines.length > 0
            ? `Versions of ${kind.noun} ${id}:\n${lines.join("\n")}`
            : `The ${kind.noun} ${id} is a draft: no versions yet.`,
      };
    },
  });
}
