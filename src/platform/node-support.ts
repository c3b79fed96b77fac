// Which Node lines the npm package runs on. Kept free of imports and of syntax newer than Node 12, so the
// npm entry can ask it before anything that an old Node could not load.

/** What package.json's "engines" says, for people. */
export const SUPPORTED_NODE = "22.13 or later (22, 24, 26)";

/**
 * node:sqlite needs no flag from 22.13; 23 and later have it too. Older lines are out of support, and
 * Node 20 has no node:sqlite at all.
 */
export function isSupportedNode(version: string): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(version);
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return major > 22 || (major === 22 && minor >= 13);
}

/** The one line an unsupported Node gets. */
export function unsupportedNodeMessage(version: string): string {
  return `copydesk: needs Node.js ${SUPPORTED_NODE}, found ${version}; install a newer Node, or use the single executable (dist/copydesk or a release archive), which needs no Node`;
}
