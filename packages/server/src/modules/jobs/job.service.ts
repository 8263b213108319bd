/** Admin access to the job queue: list jobs, run a failed or dead-lettered one again. */
import type { RequestContext } from '../../common/context';
import { ErrorCode, UserError } from '../../common/errors';
import type { JobQueue, JobState } from '../../common/jobs';
import { MAX_PAGE_SIZE, pageSize } from '../../common/pagination';
import { rejectNul } from '../../common/query-args';
import { recordAudit } from '../auth';
import type { JobView } from './job.types';
import { isUuid } from '../../common/limits';

export class JobService {
  constructor(private readonly jobs: JobQueue) {}

  async list(
    _ctx: RequestContext,
    args: { queue?: string | null; state?: JobState | null; first?: number | null },
  ): Promise<JobView[]> {
    rejectNul({ queue: args.queue });
    return (await this.jobs.list({
      queue: args.queue,
      state: args.state,
      first: pageSize(args.first ?? MAX_PAGE_SIZE),
    })) as JobView[];
  }

  async retry(ctx: RequestContext, queue: string, id: string): Promise<{ job?: JobView; userErrors: UserError[] }> {
    const job = isUuid(id) && !queue.includes('\u0000') ? await this.jobs.get(queue, id) : undefined;
    if (!job)
      return {
        userErrors: [
          new UserError(
            ErrorCode.NOT_FOUND,
            `No job ${JSON.stringify(id).slice(0, 80)} in queue ${JSON.stringify(queue).slice(0, 80)}`,
            ['id'],
          ),
        ],
      };
    const deadLetter = this.jobs.isDeadLetterQueue(queue);
    if (!deadLetter && job.state !== 'failed') {
      return {
        userErrors: [
          new UserError(
            ErrorCode.INVALID_INPUT,
            `Only a failed job or a dead letter can be retried; this one is ${job.state}`,
            ['id'],
          ),
        ],
      };
    }
    const next = await this.jobs.retry(queue, id);
    await ctx.em.transactional(async (em) => recordAudit(em, ctx, 'job.retry', 'job', id, { queue, runsAs: next }));
    return { job: (await this.jobs.get(next.queue, next.id)) as JobView, userErrors: [] };
  }
}
