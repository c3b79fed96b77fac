import { z } from "zod";
import { brand, language, length, tone } from "../../kinds/fields.ts";
import { productKind } from "../../kinds/product/kind.ts";
import type { ProviderConfig } from "../../llm/providers/config.ts";
import { createWriter } from "../../llm/router.ts";
import { serverSideModel } from "../../llm/server-side-model.ts";
import { createLogger, stderrSink } from "../../platform/logger.ts";
import type { JobWriterDeps } from "../../services/job-product-writer.ts";
import type { Selection } from "../../services/selection.ts";
import { startJob } from "../../services/start-job.ts";
import { writeJob } from "../../services/write-job.ts";
import type { JobInfo, JobOptions } from "../../store/jobs.ts";
import { count } from "../../text/count.ts";
import { languageOption } from "../parse-args.ts";
import { UsageError } from "../usage-error.ts";
import { countOption, parseSubcommand, type SubcommandSpec, subcommandHelp } from "./arguments.ts";
import type { CatalogDeps } from "./catalog-deps.ts";
import { configuredProvider, jobProvider, resumedProvider } from "./job-provider.ts";
import { catalogStore } from "./open-store.ts";
import { progressView } from "./progress.ts";

export const DEFAULT_MAX_CONCURRENCY = 16;
const MAX_CONCURRENCY = 256;
/** More failures than this are counted, not listed. */
const LISTED_FAILURES = 20;
/** The exit code of a command stopped by SIGINT, as shells report it. */
export const INTERRUPTED = 130;

export const WRITE_SPEC: SubcommandSpec = {
  name: "write",
  usage: "[--missing | --all | --ids ID,...] [--import ID] [options]\n       copydesk write --resume JOB",
  summary:
    "Writes copy for many products as one job, with the configured provider (--provider, or its variables).\nEach product's copy is saved the moment it is written; a product that fails is recorded with its reason\nand the job goes on; a wrong key, an unknown model or a provider that cannot be reached stops it\nat the first such answer. Ctrl-C cancels the requests in flight. Either way the job is resumable\nwith --resume. A progress bar on a terminal, otherwise one line per 10%.",
  options: [
    { name: "missing", description: "The products with no copy yet (status draft): the default" },
    { name: "all", description: "Every product (of the import, with --import), written or not" },
    { name: "ids", value: "ID,...", description: "These products, comma-separated" },
    {
      name: "import",
      value: "ID",
      description: "Only the products of this import (copydesk import prints it)",
    },
    {
      name: "resume",
      value: "JOB",
      description: "Go on with a stopped or cut-off job: what it has not written yet",
    },
    {
      name: "max-concurrency",
      value: "N",
      default: String(DEFAULT_MAX_CONCURRENCY),
      description:
        "At most this many requests in flight; copydesk adapts below it to what the provider takes",
    },
    {
      name: "language",
      value: "TAG",
      description:
        "Language to write in, as a BCP 47 tag (e.g. de, fr-CA); default: the brand voice's, else the catalog's, else COPYDESK_LANGUAGE, else English",
    },
    { name: "tone", value: "TONE", description: 'A preset or your own words, e.g. "dry and factual"' },
    { name: "brand", value: "NAME", description: "A stored brand voice by name" },
    {
      name: "length",
      value: "LENGTH",
      description: 'short (~50 words), medium (~100, the default), long (~200), or a range such as "80-120"',
    },
  ],
  provider: true,
  notes:
    "Then review and approve: copydesk list --status written, copydesk show ID, copydesk approve ID... (or\n--status written), and copydesk export --format shopify --output FILE writes the approved copy back.",
};

const jobOptionsSchema = z.object({ language, tone, length, brand });

/** `copydesk write`: returns the exit code. */
export async function runWrite(argv: readonly string[], deps: CatalogDeps): Promise<number> {
  const args = parseSubcommand(WRITE_SPEC, argv, deps);
  if (args.help) {
    deps.stdout.write(subcommandHelp(WRITE_SPEC, args.dataDir));
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`write: unexpected "${args.positionals[0]}"`);
  const resume = args.pick("resume");
  const selection = resume === undefined ? parseSelection(args) : undefined;
  if (resume !== undefined) {
    const stray = ["missing", "all", "ids", "import", "language", "tone", "brand", "length"].find(
      (name) => args.pick(name) !== undefined || args.flag(name),
    );
    if (stray)
      throw new UsageError(
        `write: --resume goes on with the job's own products and settings; leave out --${stray}`,
      );
  }
  const options = parseJobOptions(args.pick);
  // The shop's language, as the server takes it: --language here is the job's own.
  const shopLanguage = languageOption(deps.env.COPYDESK_LANGUAGE || undefined);
  const maxConcurrency = countOption("max-concurrency", args.value("max-concurrency"), MAX_CONCURRENCY);
  // A new job's provider is checked before the store is opened; a resumed one may come from the job.
  const configured = resume === undefined ? configuredProvider(args.pick, deps.env) : undefined;
  const logger = createLogger([stderrSink(args.logLevel, (line) => deps.stderr.write(line))]);
  const store = catalogStore(args.dataDir);
  try {
    const db = store.get();
    let job: JobInfo;
    let providerConfig: ProviderConfig;
    if (resume !== undefined) {
      const found = db.jobs.get(resume);
      if (!found) {
        deps.stderr.write(`copydesk: write: there is no job with id "${resume}"\n`);
        return 1;
      }
      if (found.state === "running") {
        deps.stderr.write(
          `copydesk: write: job ${resume} is running in another process; resume it once that stops (or after 30 s without a sign of it)\n`,
        );
        return 1;
      }
      if (found.pending === 0) return nothingLeft(found, deps);
      providerConfig = resumedProvider(args.pick, deps.env, resume, db.jobs.providerOf(resume));
      // Checked and taken in one transaction: another process resuming it now cannot run it too.
      if (!db.jobs.claim(resume)?.claimed) {
        deps.stderr.write(`copydesk: write: job ${resume} was just resumed by another process\n`);
        return 1;
      }
      // As it stands now: the claim skips what another running job has taken meanwhile.
      job = db.jobs.get(resume) ?? found;
    } else {
      providerConfig = configured as ProviderConfig;
      const started = startJob(db, selection as Selection, options, jobProvider(providerConfig));
      if (!started) {
        deps.stdout.write(
          "No products to write: none matches (--missing takes those with no copy yet, --all every one).\n",
        );
        return 0;
      }
      job = started;
    }
    if (job.pending === 0) {
      // Everything was skipped: nothing runs it, so it is done now.
      db.jobs.setState(job.id, "done");
      return nothingLeft(db.jobs.get(job.id) ?? job, deps);
    }

    // No MCP client here: the provider writes, and nobody listens for changed resources.
    const writerDeps: JobWriterDeps = {
      store: store.get,
      writer: createWriter({
        provider: serverSideModel(providerConfig, logger),
        logger,
        clientName: () => "copydesk write",
      }),
      logger,
      language: shopLanguage,
      onChange: () => {},
    };
    deps.stdout.write(
      `Job ${job.id}: writing ${job.pending} of ${count(job.total, productKind.noun)} with ${providerConfig.describe()}, at most ${maxConcurrency} at a time.\n`,
    );
    const view = await progressView(deps.stderr, "writing");
    const stopping = new AbortController();
    const removeHandler = deps.onInterrupt(() => {
      // A second Ctrl-C gets the default behaviour: the process ends at once (the job stays resumable).
      removeHandler();
      deps.stderr.write("\nStopping: cancelling the requests in flight (Ctrl-C again to quit at once)\n");
      stopping.abort();
    });
    let final: JobInfo;
    try {
      final = await writeJob(
        job,
        {
          route: "provider",
          maxConcurrency,
          requestId: `cli-${job.id}`,
          onProgress: (info) =>
            view.update({ total: info.total - info.skipped, written: info.done, failed: info.failed }),
        },
        writerDeps,
        stopping.signal,
      );
    } finally {
      view.stop();
      removeHandler();
    }
    return summarise(final, stopping.signal.aborted, deps);
  } finally {
    store.close();
  }
}

function nothingLeft(job: JobInfo, deps: CatalogDeps): number {
  deps.stdout.write(`Job ${job.id} has nothing left to write (${job.done} written, ${job.failed} failed).\n`);
  writeSkips(job, deps);
  return job.failed > 0 ? 1 : 0;
}

/** Each product is written by one job: the other job writes these (or another route already did). */
function writeSkips(job: JobInfo, deps: CatalogDeps): void {
  for (const skip of job.skips)
    deps.stdout.write(`  ${count(skip.count, productKind.noun)} skipped: ${skip.reason}\n`);
}

function summarise(job: JobInfo, interrupted: boolean, deps: CatalogDeps): number {
  const out = deps.stdout;
  // Once, however many products it stopped: the same answer would have come for each.
  if (job.state === "stopped") deps.stderr.write(`copydesk: write: job stopped: ${job.stopReason}\n`);
  const tokens =
    job.inputTokens + job.outputTokens > 0 ? ` Tokens: ${job.inputTokens} in, ${job.outputTokens} out.` : "";
  out.write(
    `Job ${job.id} ${job.state}: ${job.done} written, ${job.failed} failed, ${job.pending} not yet written, of ${job.total}.${tokens}\n`,
  );
  writeSkips(job, deps);
  for (const failure of job.failures.slice(0, LISTED_FAILURES)) {
    out.write(`  failed ${failure.id} (${failure.title}): ${failure.error}\n`);
  }
  if (job.failures.length > LISTED_FAILURES) {
    out.write(`  ... and ${job.failures.length - LISTED_FAILURES} more failed\n`);
  }
  if (job.failed > 0 && job.pending === 0) {
    out.write(
      "Failed products got no new copy; copydesk write --missing tries again the ones that have none.\n",
    );
  }
  if (job.pending > 0) {
    const fix = job.state === "stopped" ? "Fix that, then resume" : "Resume";
    out.write(`${fix} with: copydesk write --resume ${job.id}\n`);
    return interrupted ? INTERRUPTED : 1;
  }
  return job.failed > 0 ? 1 : 0;
}

function parseSelection(args: ReturnType<typeof parseSubcommand>): Selection {
  const idsText = args.pick("ids");
  const importId = args.pick("import");
  const all = args.flag("all");
  const missing = args.flag("missing");
  if (idsText !== undefined) {
    if (all || missing || importId !== undefined) {
      throw new UsageError("write: --ids names the products itself; leave out --all, --missing and --import");
    }
    const ids = idsText
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    if (ids.length === 0) throw new UsageError("--ids: give product ids, comma-separated");
    return { ids };
  }
  if (all && missing) throw new UsageError("write: --all and --missing contradict each other; give one");
  return all
    ? { all: true, ...(importId !== undefined ? { importId } : {}) }
    : { status: "draft", ...(importId !== undefined ? { importId } : {}) };
}

function parseJobOptions(pick: (name: string) => string | undefined): JobOptions {
  const given = Object.fromEntries(
    ["language", "tone", "length", "brand"].flatMap((name) => {
      const value = pick(name);
      return value === undefined ? [] : [[name, value]];
    }),
  );
  const parsed = jobOptionsSchema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? "option")}: ${issue?.message ?? "not valid"}`);
  }
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([, value]) => value !== undefined),
  ) as JobOptions;
}
