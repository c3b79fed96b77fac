import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { CreateMessageRequest, ModelPreferences } from "@modelcontextprotocol/sdk/types.js";
import { defaultImageLoader } from "../../src/images/default-loader.ts";
import type { AnyKind } from "../../src/kinds/index.ts";
import type { ServerSideModel } from "../../src/llm/router.ts";
import { createServer } from "../../src/mcp/server.ts";
import { newRecordId } from "../../src/store/record-id.ts";
import type { Store } from "../../src/store/records.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { observeClient, type SamplingHandler } from "./server-process.ts";

export interface InMemoryOptions {
  /** Plays the client's LLM; omit for a client without the sampling capability. */
  readonly sampling?: SamplingHandler;
  /** A server-side model (a fake provider), as --provider would configure. */
  readonly provider?: ServerSideModel;
  /** A store to use instead of a fresh in-memory SQLite database (e.g. to share one between servers). */
  readonly store?: Store;
  /** Extra client capabilities, e.g. { elicitation: {} } or extensions. */
  readonly capabilities?: Record<string, unknown>;
  readonly samplingTimeoutMs?: number;
  readonly modelPreferences?: ModelPreferences;
  /** The server-wide default language, as --language or COPYDESK_LANGUAGE sets it. */
  readonly language?: string;
  /** The kinds of record the server keeps; default: copydesk's own. */
  readonly kinds?: readonly AnyKind[];
}

export interface InMemoryServer {
  readonly client: Client;
  readonly store: Store;
  readonly samplingRequests: CreateMessageRequest["params"][];
  readonly logMessages: string[];
  /** Lines the server logged (what stderr would show), as "level: message". */
  readonly logLines: string[];
  resourceListChanges: number;
  close(): Promise<void>;
}

/**
 * createServer() in this process, connected to an SDK Client over InMemoryTransport: the same protocol
 * as stdio, without a build or a child process. Its sampling handler plays the client's LLM.
 */
export async function startInMemory(options: InMemoryOptions = {}): Promise<InMemoryServer> {
  let clock = Date.parse("2026-11-27T10:00:00.000Z");
  const tick = () => {
    clock += 1;
    return new Date(clock);
  };
  const store = options.store ?? openSqliteStore({ path: ":memory:", now: tick, newId: newRecordId });
  const logLines: string[] = [];
  const { server } = createServer({
    store: () => store,
    sampling: {
      timeoutMs: options.samplingTimeoutMs ?? 30_000,
      modelPreferences: options.modelPreferences ?? {
        intelligencePriority: 0.7,
        speedPriority: 0.4,
        costPriority: 0.3,
      },
    },
    provider: options.provider,
    logSinks: [(level, message) => logLines.push(`${level}: ${message}`)],
    loadImage: defaultImageLoader(),
    localFiles: true,
    language: options.language,
    ...(options.kinds ? { kinds: options.kinds } : {}),
  });
  const client = new Client(
    { name: "copydesk-test-client", version: "1.0.0" },
    { capabilities: { ...(options.sampling ? { sampling: {} } : {}), ...options.capabilities } },
  );
  const running: InMemoryServer = {
    client,
    store,
    samplingRequests: [],
    logMessages: [],
    logLines,
    resourceListChanges: 0,
    async close() {
      await client.close();
      await server.close();
      if (!options.store) store.close();
    },
  };
  observeClient(client, running, options.sampling);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  await client.connect(clientSide);
  return running;
}
