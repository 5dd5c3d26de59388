// Code a page loads on first use (a chunk of its own): one load for every
// caller, and a new try after a failure (the next file that needs it).

/** Wraps `load` so that it runs once; a failed load runs again on the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    if (loading === null) {
      loading = load().catch((e: unknown) => {
        loading = null;
        throw e;
      });
    }
    return loading;
  };
}
