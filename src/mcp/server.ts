import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { type AnyKind, KINDS } from "../kinds/index.ts";
import { createClientSampling, type SamplingConfig } from "../llm/client-sampling.ts";
import { createWriter, type ServerSideModel } from "../llm/router.ts";
import { createLogger, type Logger, type LogSink } from "../platform/logger.ts";
import { VERSION } from "../platform/version.ts";
import { loadCopyLibraries } from "../services/libraries.ts";
import type { Store } from "../store/records.ts";
import { BUILT_VIEWS, type Views } from "./apps/built-views.ts";
import { withView } from "./apps/links.ts";
import { registerAppResources } from "./apps/resources.ts";
import { lazyJsonSchemaValidator } from "./lazy-json-schema-validator.ts";
import { mcpSink } from "./log-sink.ts";
import { registerPrompt } from "./prompts/define-prompt.ts";
import { PROMPTS } from "./prompts/index.ts";
import { registerBrandVoiceResources } from "./resources/brand-voices.ts";
import { coalesced } from "./resources/list-changed.ts";
import { registerRecordResources } from "./resources/records.ts";
import { TOOLS } from "./tools/all/index.ts";
import { registerTool, type ToolDeps } from "./tools/define-tool.ts";

export interface ServerDeps {
  readonly store: () => Store;
  readonly sampling: SamplingConfig;
  /** A configured server-side model, if any. */
  readonly provider?: ServerSideModel | undefined;
  /** Sinks besides MCP logging (stderr in production). */
  readonly logSinks: readonly LogSink[];
  /** Reads a product image (path, data: URL or http(s) URL), checked and bounded. */
  readonly loadImage: ToolDeps["loadImage"];
  /** Whether tools may read and write files by path: over HTTP a path names a file on the server. */
  readonly localFiles: boolean;
  /** The MCP Apps views' pages; default: the ones built into the bundle. */
  readonly views?: Views;
  /** The server-wide default language (--language); English when unset. */
  readonly language?: string | undefined;
}

/** What the server tells the calling model, made from the kinds so a new kind is described too. */
export function instructions(kinds: readonly AnyKind[]): string {
  const each = kinds.map(
    (kind) =>
      `${kind.plural}: ${kind.tools.create}, ${kind.tools.revise}, ${kind.tools.saveCopy}, ${kind.tools.list}, ` +
      `${kind.tools.get}, ${kind.tools.versions}, ${kind.tools.restore}; resources copydesk://${kind.listKey}/{id}`,
  );
  return (
    "copydesk writes and stores store-ready e-commerce copy: product descriptions with HTML, bullets, SEO " +
    "fields and tags, and blog-post abstracts with SEO fields, in the language and brand voice asked for " +
    "(set_brand_voice). Every copy is checked (keywords, length, SEO limits, banned words, invented " +
    "specifications, language) and kept as versions. The copy is written by the client's model through MCP " +
    "sampling, or by a configured provider; when neither is available, the create and revise tools return a " +
    "brief, and you write the copy as JSON and save it with the save_*_copy tool. " +
    `Tools by kind: ${each.join("; ")}.`
  );
}

/** Builds a server with every tool and resource; cheap and free of side effects until connected. */
export function createServer(deps: ServerDeps): { server: McpServer; logger: Logger } {
  const server = new McpServer(
    { name: "copydesk", title: "copydesk", version: VERSION },
    {
      capabilities: { logging: {} },
      instructions: instructions(KINDS),
      jsonSchemaValidator: lazyJsonSchemaValidator(),
    },
  );
  const logger = createLogger([...deps.logSinks, mcpSink(server)]);
  const clientName = () => server.server.getClientVersion()?.name ?? "This client";
  const writer = createWriter({
    sampling: createClientSampling(server.server, deps.sampling, logger),
    provider: deps.provider,
    logger,
    clientName,
  });
  server.server.oninitialized = () => {
    const sampling = server.server.getClientCapabilities()?.sampling
      ? "offers sampling"
      : "does not offer sampling";
    const client = server.server.getClientVersion();
    logger.info(
      `Client ${client ? `${client.name} ${client.version}` : "(unnamed)"} connected and ${sampling}`,
    );
    writer.spendRequestIdZero();
  };
  const toolDeps = {
    store: deps.store,
    writer,
    logger,
    resourcesChanged: coalesced(() => server.sendResourceListChanged()),
    loadImage: deps.loadImage,
    localFiles: deps.localFiles,
    language: deps.language,
  };
  for (const tool of TOOLS) registerTool(server, withView(tool), toolDeps);
  registerAppResources(server, deps.views ?? BUILT_VIEWS);
  // A resource read or a completion may be the first use of the store, which migrates an old one (making
  // handles): tools load the libraries themselves (define-tool.ts), these through openedStore.
  const openedStore = async () => {
    await loadCopyLibraries();
    return deps.store();
  };
  registerRecordResources(server, openedStore, KINDS);
  registerBrandVoiceResources(server, openedStore);
  for (const prompt of PROMPTS) registerPrompt(server, prompt, { store: openedStore });
  return { server, logger };
}
