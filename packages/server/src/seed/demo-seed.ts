/** Demo data for a first local start. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger';
import type { Services } from '../services';

export async function seedDemoData(_em: EntityManager, _services: Services, _log: Logger): Promise<void> {
  // filled in by the demo seed work
}
