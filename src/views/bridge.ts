// The view's half of the MCP Apps protocol (2026-01-26), by hand: JSON-RPC over postMessage to the host.
// ext-apps' App class does the same in ~500 KB of minified code (most of it zod); this is what the views use.

export interface ToolResult {
  readonly content?: readonly { type: string; text?: string }[];
  readonly structuredContent?: Record<string, unknown>;
  readonly isError?: boolean;
}

interface HostContext {
  readonly theme?: "light" | "dark";
  readonly styles?: {
    readonly variables?: Readonly<Record<string, string | undefined>>;
    readonly css?: { readonly fonts?: string };
  };
}

export interface Bridge {
  callTool(name: string, args: Record<string, unknown>): Promise<ToolResult>;
}

type Message = {
  jsonrpc: "2.0";
  id?: number | string;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
};

/** Connects to the host; `onResult` gets every tool result the host sends (and `onInput` the arguments). */
export function connect(
  name: string,
  onResult: (result: ToolResult) => void,
  onInput: (args: Record<string, unknown>) => void = () => {},
): Bridge {
  const host = window.parent;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const send = (message: Omit<Message, "jsonrpc">) => host.postMessage({ jsonrpc: "2.0", ...message }, "*");
  const request = (method: string, params: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      send({ id, method, params });
    });
  window.addEventListener("message", (event: MessageEvent<Message>) => {
    if (event.source !== host) return;
    const message = event.data;
    if (message?.jsonrpc !== "2.0") return;
    if (message.method === undefined && typeof message.id === "number") {
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
    } else if (message.method === "ui/notifications/tool-result") {
      onResult((message.params ?? {}) as ToolResult);
    } else if (message.method === "ui/notifications/tool-input") {
      onInput((message.params?.arguments ?? {}) as Record<string, unknown>);
    } else if (message.method === "ui/notifications/host-context-changed") {
      applyContext((message.params ?? {}) as HostContext);
    } else if (message.id !== undefined) {
      // ui/resource-teardown, ping: nothing to clean up, so every request from the host is answered at once.
      send({ id: message.id, result: {} });
    }
  });
  void request("ui/initialize", {
    appInfo: { name, version: "1.0.0" },
    appCapabilities: {},
    protocolVersion: "2026-01-26",
  }).then((result) => {
    applyContext(((result as { hostContext?: HostContext }).hostContext ?? {}) as HostContext);
    send({ method: "ui/notifications/initialized", params: {} });
    new ResizeObserver(() => {
      const { scrollWidth: width, scrollHeight: height } = document.documentElement;
      send({ method: "ui/notifications/size-changed", params: { width, height } });
    }).observe(document.documentElement);
  });
  return {
    callTool: (toolName, args) =>
      request("tools/call", { name: toolName, arguments: args }) as Promise<ToolResult>,
  };
}

/** The host's theme, colours and font, as CSS variables the stylesheet falls back from. */
function applyContext(context: HostContext): void {
  const root = document.documentElement;
  if (context.theme) {
    root.dataset.theme = context.theme;
    root.style.colorScheme = context.theme;
  }
  for (const [key, value] of Object.entries(context.styles?.variables ?? {})) {
    if (key.startsWith("--") && value) root.style.setProperty(key, value);
  }
  const fonts = context.styles?.css?.fonts;
  if (fonts) {
    const style = document.createElement("style");
    style.textContent = fonts;
    document.head.append(style);
  }
}

/** The text of a failed tool call, for the person looking at the view. */
export function errorText(result: ToolResult): string {
  return result.content?.map((part) => part.text ?? "").join(" ") || "The tool call failed.";
}
