/** Background exports over GraphQL (the admin's /data page); the HTTP endpoints are in data.http.ts. */
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Permission } from '../auth';
import { ExportJob, StartExportInput, StartExportPayload } from './data.types';
import { ExportService } from './export.service';

@Resolver(() => ExportJob)
export class DataResolver {
  constructor(private readonly exports: ExportService) {}

  @Authorized(Permission.DATA_EXPORT)
  @Mutation(() => StartExportPayload, {
    description:
      'Starts an export in the background; poll exportJob(id) for its progress, then GET its downloadUrl with the same token.',
  })
  startExport(@Ctx() ctx: RequestContext, @Arg('input', () => StartExportInput) input: StartExportInput) {
    return this.exports.startExport(ctx, input);
  }

  @Authorized(Permission.DATA_EXPORT)
  @Query(() => ExportJob, { nullable: true, description: "One of your exports (null for anyone else's)." })
  exportJob(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return this.exports.job(ctx, id);
  }
}
