import { type UserFolderEnvironment, userFolder } from "./user-folder.ts";

/** The per-user folder copydesk.db lives in unless --data-dir names another. */
export function defaultDataDir(environment: UserFolderEnvironment): string {
  return userFolder("data", "copydesk", environment);
}
