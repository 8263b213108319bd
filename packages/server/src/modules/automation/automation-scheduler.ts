/**
 * The automation scheduler: runs the enabled scheduled rules from a pg-boss cron job (or
 * `runScheduledAutomation(now)`, with any clock). A built-in rule picks its own orders
 * (`targets` in rule-definitions.ts); a custom one looks at recent open orders it has not acted
 * on yet. Each order is judged and acted on by the engine, once per rule.
 */
import type { JobQueue } from '../../common/jobs';
import { run as runSql } from '../../common/sql';
import { SCHEDULE } from './automation-rule.entity';
import { AutomationEngine, builtInOf, RuleRun } from './automation-engine';
import { recentOpenOrders } from './automation.sql';

export const SCHEDULE_QUEUE = 'automation-schedule';
/** How far back a custom scheduled rule looks for orders. */
const CUSTOM_LOOKBACK_MS = 30 * 24 * 3_600_000;

export class AutomationScheduler {
  constructor(
    private readonly jobs: JobQueue,
    private readonly engine: AutomationEngine,
    private readonly schedule: string,
  ) {}

  /** Works the schedule queue in this process and keeps the cron schedule (the engine must be started). */
  async start(): Promise<void> {
    await this.jobs.define(SCHEDULE_QUEUE, {
      retryLimit: 0,
      retryDelaySeconds: 60,
      retryBackoff: false,
      expireInSeconds: 600,
      deadLetter: false,
    });
    await this.jobs.work(SCHEDULE_QUEUE, async () => {
      await this.runScheduledAutomation(new Date());
    });
    await this.jobs.schedule(SCHEDULE_QUEUE, this.schedule);
  }

  /**
   * Runs the enabled scheduled rules as of `now` (the cron job passes the clock; tests pass any
   * time). Each matching order is handled once per rule. Returns how many orders each rule acted on.
   */
  async runScheduledAutomation(now: Date = new Date()): Promise<Record<string, number>> {
    const em = this.engine.background();
    const result: Record<string, number> = {};
    const run: RuleRun = { depth: 0, now, scheduled: true, last: true };
    for (const rule of await this.engine.enabledRules(em)) {
      if (rule.trigger !== SCHEDULE) continue;
      const builtIn = builtInOf(rule);
      const ids = builtIn?.targets
        ? await builtIn.targets(em, rule.settings, now)
        : (
            await runSql<{ id: string }>(em, recentOpenOrders(new Date(now.getTime() - CUSTOM_LOOKBACK_MS), rule.id))
          ).map((r) => r.id);
      let n = 0;
      for (const id of ids) if (await this.engine.execute(rule, id, run)) n++;
      result[rule.key] = n;
    }
    return result;
  }
}
