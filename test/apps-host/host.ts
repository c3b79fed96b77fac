// A host page for MCP Apps views, run in the test's browser: ext-apps' AppBridge on one origin, the view in
// a sandboxed iframe on another. Tool calls go to the test (window.hostCallTool), which calls copydesk.
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";
import type { CallToolRequest, CallToolResult } from "@modelcontextprotocol/sdk/types.js";

declare global {
  interface Window {
    hostCallTool(params: CallToolRequest["params"]): Promise<CallToolResult>;
    mountView(url: string, result: CallToolResult, args: Record<string, unknown>): Promise<void>;
  }
}

/** What a host tells a view about itself: a dark theme and its own font, to see the view follow them. */
export const HOST_CONTEXT = {
  theme: "dark" as const,
  styles: {
    variables: {
      "--font-sans": "Georgia, serif",
      "--color-background-primary": "rgb(20, 24, 32)",
      "--color-text-primary": "rgb(230, 230, 230)",
    },
  },
};

window.mountView = async (url, result, args) => {
  const frame = document.createElement("iframe");
  frame.id = "view";
  frame.title = "copydesk view";
  // Scripts only: no same-origin, no forms, no popups, as the specification asks of hosts.
  frame.setAttribute("sandbox", "allow-scripts");
  frame.style.cssText = "width: 820px; height: 900px; border: 0";
  document.body.replaceChildren(frame);
  const view = frame.contentWindow;
  if (!view) throw new Error("the iframe has no window");
  const bridge = new AppBridge(
    null,
    { name: "copydesk-test-host", version: "1.0.0" },
    { serverTools: {}, logging: {} },
    { hostContext: HOST_CONTEXT },
  );
  bridge.oncalltool = (params) => window.hostCallTool(params);
  bridge.onsizechange = ({ height }) => {
    if (height) frame.style.height = `${Math.max(height, 200)}px`;
  };
  const initialized = new Promise<void>((resolve, reject) => {
    bridge.oninitialized = () => resolve();
    // A view that never speaks fails the test in seconds rather than at the runner's timeout.
    setTimeout(() => reject(new Error("the view did not initialize within 15 s")), 15_000);
  });
  await bridge.connect(new PostMessageTransport(view, view));
  frame.src = url;
  await initialized;
  await bridge.sendToolInput({ arguments: args });
  await bridge.sendToolResult(result);
};
