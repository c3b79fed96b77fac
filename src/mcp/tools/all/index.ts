import { KINDS } from "../../../kinds/index.ts";
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

export const TOOLS: readonly AnyTool[] = [
  ...KINDS.flatMap(kindTools),
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
