import { KINDS } from "../kinds/index.ts";
import type { AnyTool } from "./define-tool.ts";
import { kindTools } from "./kind/index.ts";

export const TOOLS: readonly AnyTool[] = [...KINDS.flatMap(kindTools)];
