/** A small seeded random source, so `cozum demo --seed N` writes the same year every time. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  int(maxExclusive: number): number;
  /** Log-normal with the given median and log-space spread. */
  logNormal(median: number, sigma: number): number;
  exponential(mean: number): number;
}

// mulberry32: 32-bit state, fast, and good enough for simulation (not for secrets).
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
    exponential: (mean) => -mean * Math.log(1 - next()),
  };
}

/** Picks indexes in proportion to weights (binary search over the running sums). */
export function weightedPicker(weights: readonly number[]): (random: Random) => number {
  const sums: number[] = [];
  let total = 0;
  for (const w of weights) sums.push((total += Math.max(0, w)));
  if (!(total > 0)) throw new Error('weightedPicker: the weights add up to nothing');
  return (random) => {
    const x = random.next() * total;
    let lo = 0;
    let hi = sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sums[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
