/** Which process runs a job or an import: one whose process is gone was cut off, whatever it last said. */
export interface ProcessProbe {
  readonly pid: number;
  isAlive(pid: number): boolean;
}

export const thisProcess: ProcessProbe = {
  // A getter: in the executable this module is evaluated at build time, into the startup snapshot.
  get pid() {
    return process.pid;
  },
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it exists, it is only not ours to signal.
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  },
};
