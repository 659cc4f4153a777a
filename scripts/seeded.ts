// mulberry32: a small seeded generator, the same numbers on every run, so that a run can be repeated from
// its seed. The sample roster, the crash test, the export benchmark and the random walks of the model tests use it.
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
