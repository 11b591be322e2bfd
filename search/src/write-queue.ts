export type Logger = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};
export const silent: Logger = { info() {}, warn() {}, error() {} };

/**
 * Index writes, one at a time, each retried until the engine takes it (the delay doubles from
 * `retryMs` up to a minute): a failed write is delayed, never lost.
 */
export function writeQueue(options: { logger: Logger; retryMs?: number }) {
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let closed = false;

  function enqueue<T>(what: string, write: () => Promise<T>): Promise<T> {
    pending += 1;
    const run = async (): Promise<T> => {
      let delay = options.retryMs ?? 500;
      for (;;) {
        if (closed) throw new Error(`search index closed before "${what}" was written`);
        try {
          return await write();
        } catch (err) {
          options.logger.error({ err, what, retryInMs: delay }, "search index write failed; retrying");
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(delay * 2, 60_000);
        }
      }
    };
    const result = queue.then(run).finally(() => (pending -= 1));
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    enqueue,
    /** Resolves when every queued write is done. */
    async idle(): Promise<void> {
      while (pending > 0 && !closed) await queue;
    },
    /** Stops retrying: writes still queued end with an error. */
    close(): void {
      closed = true;
    },
  };
}
