import type { AnyKind } from "../../../kinds/index.ts";
import type { AnyTool } from "../define-tool.ts";
import { createTool } from "./create.ts";
import { getTool } from "./get.ts";
import { listTool } from "./list.ts";
import { restoreTool } from "./restore.ts";
import { reviseTool } from "./revise.ts";
import { saveCopyTool } from "./save-copy.ts";
import { saveMainTextTool } from "./save-main-text.ts";
import { versionsTool } from "./versions.ts";

/** Every tool a kind of record gets, made from its description; only a kind from copydesk 0.1 has a legacy save. */
export function kindTools(kind: AnyKind): AnyTool[] {
  return [
    createTool(kind),
    reviseTool(kind),
    saveCopyTool(kind),
    ...(kind.legacySave ? [saveMainTextTool(kind, kind.legacySave)] : []),
    listTool(kind),
    getTool(kind),
    versionsTool(kind),
    restoreTool(kind),
  ];
}
