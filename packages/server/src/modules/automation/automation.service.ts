/**
 * The automation module's entry: rule editing (automation-rules.service.ts), the engine that
 * runs rules for events, executes their actions and logs them (automation-engine.ts), and the
 * scheduler of scheduled rules (automation-scheduler.ts). server.ts starts it and registers its
 * reactor with the event dispatcher.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AutomationEngine } from './automation-engine';
import type { AutomationRules } from './automation-rules.service';
import type { AutomationScheduler } from './automation-scheduler';

export class AutomationService {
  constructor(
    readonly rules: AutomationRules,
    readonly engine: AutomationEngine,
    readonly scheduler: AutomationScheduler,
  ) {}

  /** Works the automation queues in this process and keeps the schedule. */
  async start(orm: MikroORM): Promise<void> {
    await this.engine.start(orm);
    await this.scheduler.start();
  }

  /** The dispatcher's reactor (AutomationEngine.react). */
  get react() {
    return this.engine.react;
  }

  /** Runs the enabled scheduled rules as of `now` (AutomationScheduler.runScheduledAutomation). */
  runScheduledAutomation(now: Date = new Date()): Promise<Record<string, number>> {
    return this.scheduler.runScheduledAutomation(now);
  }
}
