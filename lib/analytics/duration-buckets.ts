/*
 * How the rollups keep stay durations (ADR 0157): a count per bucket, 8 buckets a doubling of
 * (1 + seconds), so a bucket spans about 9 % of the durations in it. `analytics_bucket` in
 * migration analytics_rollups computes the same; a test keeps them equal. A median or a 90th
 * percentile read from the buckets lands in the bucket of the true one, interpolated within it.
 */
export const BUCKETS_PER_DOUBLING = 8;

/** The bucket of a duration in seconds. */
export function bucketOf(seconds: number): number {
  return Math.floor(BUCKETS_PER_DOUBLING * Math.log2(1 + Math.max(0, seconds)));
}

/** The durations a bucket holds, in seconds: [lower, upper). */
export function bucketBounds(bucket: number): { lower: number; upper: number } {
  return { lower: 2 ** (bucket / BUCKETS_PER_DOUBLING) - 1, upper: 2 ** ((bucket + 1) / BUCKETS_PER_DOUBLING) - 1 };
}

/**
 * The `p` percentile, as Postgres's percentile_cont gives it (interpolated between the two stays
 * around rank p × (n − 1)), of stays known by bucket: the k-th stay of a bucket holding c is taken
 * at (k + ½) / c of the way through it. 0 with no stays.
 */
export function percentileOfBuckets(counts: ReadonlyMap<number, number>, p: number): number {
  const buckets = [...counts.entries()].filter(([, c]) => c > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, c]) => sum + c, 0);
  if (total === 0) return 0;
  const valueAt = (rank: number): number => {
    let before = 0;
    for (const [bucket, count] of buckets) {
      if (rank < before + count) {
        const { lower, upper } = bucketBounds(bucket);
        return lower + ((rank - before + 0.5) / count) * (upper - lower);
      }
      before += count;
    }
    return bucketBounds(buckets.at(-1)![0]).upper;
  };
  const rank = p * (total - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const atLow = valueAt(low);
  return low === high ? atLow : atLow + (rank - low) * (valueAt(high) - atLow);
}
