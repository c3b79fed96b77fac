import type { Check } from "../checks/index.ts";
import type { BrandVoices } from "./brand-voices.ts";
import type { Catalog } from "./catalog.ts";
import type { ExportFiles } from "./export-files.ts";
import type { Jobs } from "./jobs.ts";

/** The kind of a record ("product", "post"), as described in src/kinds/: the store keeps any kind. */
export type KindName = string;

/** Who wrote a version's copy. */
export type Route = "client-sampling" | "provider" | "host-model";

/** How a version came to be. */
export type VersionSource = "generated" | "revised" | "saved" | "edited" | "restored" | "migrated";

/**
 * Where a record stands in review: no copy yet, copy that passed its checks, copy a person should look at
 * (a check failed or a person edited it), approved for the store, written to an export file.
 */
export type RecordStatus = "draft" | "written" | "needs_review" | "approved" | "exported";
export const RECORD_STATUSES: readonly RecordStatus[] = [
  "draft",
  "written",
  "needs_review",
  "approved",
  "exported",
];

/** How a stored copy came to be: recorded with every version so a reader can judge it. */
export interface Provenance {
  /** The model that wrote the copy, as reported (hints are only advisory). */
  readonly model: string | null;
  /** Why generation stopped; "maxTokens" means the copy may be cut short. */
  readonly stopReason: string | null;
  readonly route: Route;
}

export interface NewVersion extends Provenance {
  readonly source: VersionSource;
  /** What the user asked for (revise_*); null for a first generation. */
  readonly instructions: string | null;
  /** Checks run on this copy; null when they were not run (a migrated description). */
  readonly checks: readonly Check[] | null;
  readonly copy: Readonly<Record<string, unknown>>;
  /** For a restored version: the version it brought back. */
  readonly restoredFrom?: number;
  /** The catalog job that wrote it, if any. */
  readonly jobId?: string;
}

export interface Version extends NewVersion {
  readonly version: number;
  readonly createdAt: string;
}

/** A version without its copy: what version lists need. */
export type VersionSummary = Omit<Version, "copy">;

/** The part of a record every kind shares; `input` holds the kind's own fields (keywords, content, ...). */
export interface StoredRecord {
  readonly seq: number;
  readonly kind: KindName;
  readonly id: string;
  readonly title: string;
  /** A URL slug unique among records of its kind, made by code; null for kinds without one. */
  readonly handle: string | null;
  readonly input: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The version shown (the latest unless another was asked for); undefined while a draft. */
  readonly current: Version | undefined;
  /** The newest version number; 0 while a draft. */
  readonly latestVersion: number;
  /** The newest version a person let through (approved it, or exported it); null if none. */
  readonly approvedVersion: number | null;
  /** The version an export last wrote; null if none did. */
  readonly exportedVersion: number | null;
  readonly status: RecordStatus;
  /** The store file it was last imported from, if any. */
  readonly importId: string | null;
}

export interface NewRecord {
  readonly title: string;
  /** The handle wanted (made from the title); the store adds -2, -3... if another record has it. */
  readonly handle: string | null;
  readonly input: Readonly<Record<string, unknown>>;
  /** For a product from a store file: the import and the store's key (handle, SKU or id). */
  readonly importId?: string | null;
  readonly sourceKey?: string | null;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back to get the next (older) page; absent on the last page. */
  readonly nextCursor?: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
  /** Only records with this status. */
  readonly status?: RecordStatus | undefined;
  /** Only records from a store file (true), or only those made in copydesk (false). */
  readonly fromFile?: boolean | undefined;
  /** Only records of this import (as their latest import names it). */
  readonly importId?: string | undefined;
}

/** An image kept with a product so revisions can show it to the model again. */
export interface StoredImage {
  readonly sha256: string;
  readonly mimeType: string;
  readonly data: Uint8Array;
}

export interface Store {
  /** Stores a record, with its first version when the copy is already written (else a draft). */
  create(kind: KindName, record: NewRecord, first?: NewVersion): StoredRecord;
  /** The record with its latest version, or the given one; undefined when either does not exist. */
  get(kind: KindName, id: string, version?: number): StoredRecord | undefined;
  /** The record with this sequence number, of any kind, with its latest version. */
  getBySeq(seq: number): StoredRecord | undefined;
  /** Newest first. */
  list(kind: KindName, page: PageRequest): Page<StoredRecord>;
  /** Adds a version (never overwrites); undefined when there is no such record. */
  addVersion(kind: KindName, id: string, version: NewVersion): StoredRecord | undefined;
  /** Oldest first; undefined when there is no such record. */
  versions(kind: KindName, id: string): readonly VersionSummary[] | undefined;
  putImage(image: StoredImage): void;
  getImage(sha256: string): StoredImage | undefined;
  readonly brands: BrandVoices;
  readonly catalog: Catalog;
  readonly jobs: Jobs;
  readonly exportFiles: ExportFiles;
  /** The folder holding the database file (undefined in memory): an export never writes inside it. */
  readonly dataFolder: string | undefined;
  /** Runs the work in one transaction (joining the current one if there is one). */
  transaction<T>(work: () => T): T;
  /**
   * Sets the status of records of a kind that have copy; "approved" also records their latest version as
   * the approved one. Returns the ids that exist.
   */
  setStatus(kind: KindName, ids: readonly string[], status: RecordStatus): string[];
  /** A cursor that continues a list after this record (when a page is cut short to bound its size). */
  cursorAfter(record: StoredRecord): string;
  close(): void;
}

/** A cursor that is not one this store handed out. */
export class InvalidCursorError extends Error {
  constructor() {
    super(
      "The cursor is not valid: pass back the nextCursor of a previous page, or omit it for the first page.",
    );
    this.name = "InvalidCursorError";
  }
}
