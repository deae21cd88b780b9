/**
 * A small in-process cache that keeps the `capacity` most recently used
 * entries (a Map keeps insertion order: a hit moves its entry to the end,
 * and the first entry is the least recently used). Values are promises, so
 * simultaneous requests for one key share one computation; a rejected one
 * is forgotten, so the next request tries again.
 */
export function boundedCache<V>(capacity: number) {
  const entries = new Map<string, Promise<V>>();
  return {
    get(key: string, compute: () => Promise<V>): Promise<V> {
      let value = entries.get(key);
      if (value) {
        entries.delete(key);
      } else {
        value = compute();
        value.catch(() => {
          if (entries.get(key) === value) entries.delete(key);
        });
      }
      entries.set(key, value);
      for (const oldest of entries.keys()) {
        if (entries.size <= capacity) break;
        entries.delete(oldest);
      }
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
