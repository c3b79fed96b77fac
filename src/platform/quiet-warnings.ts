/**
 * Drops Node's "SQLite is an experimental feature" warning (Node 22 and 24 print it on the first use of
 * node:sqlite): copydesk relies on that module on purpose, and a client shows stderr to its user as if
 * something were wrong. Every other warning still goes through.
 */
export function silenceSqliteExperimentalWarning(target: NodeJS.Process): void {
  const emit = target.emitWarning;
  target.emitWarning = function (this: NodeJS.Process, warning: string | Error, ...rest: unknown[]) {
    const message = typeof warning === "string" ? warning : warning.message;
    const type = typeof rest[0] === "string" ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    const name = typeof warning === "string" ? type : warning.name;
    if (name === "ExperimentalWarning" && /SQLite/i.test(message)) return;
    return (emit as (...args: unknown[]) => void).call(this, warning, ...rest);
  } as NodeJS.Process["emitWarning"];
}
