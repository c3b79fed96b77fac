import { type UserFolderEnvironment, userFolder } from "../../src/platform/user-folder.ts";

/**
 * Where the release build keeps Node binaries (~110 MB per target): COPYDESK_NODE_CACHE if set, else the
 * per-user cache folder. Not in node_modules, which `npm ci` deletes: the next build would download
 * every binary again.
 */
export function nodeCacheDir(environment: UserFolderEnvironment): string {
  return environment.env.COPYDESK_NODE_CACHE || userFolder("cache", "copydesk", environment, "node");
}
