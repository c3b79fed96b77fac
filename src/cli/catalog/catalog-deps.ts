/** What a catalog subcommand needs from the process; passed in so tests can hand in their own. */
export interface CatalogDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The per-user data folder, used when neither flag nor variable names one. */
  readonly defaultDataDir: string;
  readonly cwd: string;
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Registers a Ctrl-C handler; returns the function that removes it. */
  readonly onInterrupt: (handler: () => void) => () => void;
}
