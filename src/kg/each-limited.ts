// Runs an async step over many items with a bounded number in flight: one Promise.all over 50k files runs out of file
// descriptors (EMFILE), one at a time leaves the disk idle.
export async function eachLimited<T>(items: readonly T[], limit: number, step: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await step(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
