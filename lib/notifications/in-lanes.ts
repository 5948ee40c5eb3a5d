/**
 * Runs `work` over `items`, at most `lanes` at once. Items of the same `sequence` key form one
 * queue, done one after another in their order by one lane, which then takes the next queue: a
 * lane never sits waiting for another. An error lets the running ones finish, starts no more, and
 * is thrown then: the pass ends as it did when rows went one by one, with nothing of it running.
 */
export async function inLanes<T>(items: T[], lanes: number, sequence: (item: T) => string, work: (item: T) => Promise<void>): Promise<void> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const key = sequence(item);
    const queue = queues.get(key);
    if (queue) queue.push(item);
    else queues.set(key, [item]);
  }
  const waiting = [...queues.values()];
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    for (let queue = waiting.shift(); queue && !failure; queue = waiting.shift()) {
      for (const item of queue) {
        if (failure) return;
        try {
          await work(item);
        } catch (error) {
          failure ??= { error };
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, waiting.length)) }, lane));
  if (failure) throw failure.error;
}
