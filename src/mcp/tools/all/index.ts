import { KINDS } from "../../../kinds/all/index.ts";
import type { AnyKind } from "../../../kinds/index.ts";
import { approveProducts } from "../catalog/approve-products.ts";
import { exportProducts } from "../catalog/export-products.ts";
import { getJob, listJobs } from "../catalog/get-job.ts";
import { importProducts } from "../catalog/import-products.ts";
import { resumeJob } from "../catalog/resume-job.ts";
import { writeCatalog } from "../catalog/write-catalog.ts";
import type { AnyTool } from "../define-tool.ts";
import { deleteBrandVoice } from "../delete-brand-voice.ts";
import { kindTools } from "../kind/index.ts";
import { listBrandVoices } from "../list-brand-voices.ts";
import { setBrandVoice } from "../set-brand-voice.ts";

/** The tools that belong to no kind. */
const SHARED_TOOLS: readonly AnyTool[] = [
  setBrandVoice,
  listBrandVoices,
  deleteBrandVoice,
  importProducts,
  writeCatalog,
  getJob,
  listJobs,
  resumeJob,
  approveProducts,
  exportProducts,
];

/** The tools of a server that keeps these kinds: each kind's own, then the brand voice and catalog tools. */
export function toolsFor(kinds: readonly AnyKind[]): AnyTool[] {
  return [...kinds.flatMap(kindTools), ...SHARED_TOOLS];
}

/** The tools of copydesk as it ships. */
export const TOOLS: readonly AnyTool[] = toolsFor(KINDS);
