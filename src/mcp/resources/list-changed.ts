/**
 * Coalesces resource-list-changed notifications: a client re-lists resources on each one, so 50
 * products created at once should cost it one listing, not 50.
 */
export function coalesced(notify: () => void, delayMs = 50): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      notify();
    }, delayMs);
    // A pending notification must not keep a finished process alive.
    timer.unref();
  };
}
