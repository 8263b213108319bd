/**
 * Loading a relation once however many resolvers ask for it at the same time: entities shared by
 * many subscribers (order-update.loader.ts) are resolved once per subscriber, and each would
 * otherwise start its own query for the same uninitialized collection or reference.
 */
import type { Collection, EntityClass, EntityManager, Primary, Ref, Reference } from '@mikro-orm/core';

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

/**
 * A stand-in for `em.getReference(entity, id, { wrapped: true })` that makes no entity until
 * something asks for more than the id. MikroORM builds a reference as an entity of its own (its
 * property accessors, its identity-map entry), about 30 µs each on a small machine; placeOrder
 * needs seven or so per order, and most responses read only ids. This answers what the code and
 * the resolvers ask of a reference (`id`; entityOf's isInitialized, getEntity and load; unwrap)
 * and makes the real reference, in `em`, the first time more than the id is asked for.
 *
 * Only for entities that are built for one response and never persisted or flushed (placeOrder's
 * order, lines and allocations, which its statements write): MikroORM itself does not know it.
 */
export function lazyReference<T extends { id: string }>(em: EntityManager, entity: EntityClass<T>, id: string): Ref<T> {
  return new LazyReference(em, entity, id) as unknown as Ref<T>;
}

class LazyReference<T extends { id: string }> {
  private real?: Reference<T>;

  constructor(
    private readonly em: EntityManager,
    private readonly entity: EntityClass<T>,
    readonly id: string,
  ) {}

  private reference(): Reference<T> {
    this.real ??= this.em.getReference(this.entity, this.id as Primary<T>, { wrapped: true }) as Reference<T>;
    return this.real;
  }

  isInitialized(): boolean {
    return this.real?.isInitialized() ?? false;
  }

  getEntity(): T {
    return this.reference().getEntity();
  }

  load(): Promise<T | null> {
    return this.reference().load();
  }

  unwrap(): T {
    return this.reference().unwrap();
  }
}
