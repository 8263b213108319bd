/**
 * Loading a relation once however many resolvers ask for it at the same time: entities shared by
 * many subscribers (order-update.loader.ts) are resolved once per subscriber, and each would
 * otherwise start its own query for the same uninitialized collection or reference.
 */
import type { Collection, Reference } from '@mikro-orm/core';

const pending = new WeakMap<object, Promise<unknown>>();

function once<T>(key: object, load: () => Promise<T>): Promise<T> {
  let p = pending.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load().finally(() => pending.delete(key));
    pending.set(key, p);
  }
  return p;
}

/** The items of a collection, loading it at most once at a time. */
export function itemsOf<T extends object>(collection: Collection<T>): T[] | Promise<T[]> {
  if (collection.isInitialized(true)) return collection.getItems();
  return once(collection, () => collection.loadItems());
}

/** The entity of a reference, loading it at most once at a time. */
export function entityOf<T extends object>(ref: Reference<T>): T | Promise<T> {
  if (ref.isInitialized()) return ref.getEntity();
  return once(ref, () => ref.load() as Promise<T>);
}
