/** GraphQL types of background exports (the admin's /data page): start one, watch its progress, download it. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../common/errors';

export enum ExportKindEnum {
  ORDERS = 'orders',
  PRODUCTS = 'products',
  STOCK = 'stock',
  CUSTOMERS = 'customers',
  EVENTS = 'events',
}
registerEnumType(ExportKindEnum, { name: 'ExportKind', description: 'What to export.' });

export enum ExportFormatEnum {
  CSV = 'csv',
  JSONL = 'jsonl',
}
registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description: 'CSV, or JSON lines (one JSON object per line).',
});

export enum ExportJobState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ExportJobState, {
  name: 'ExportJobState',
  description: 'DONE: the file can be downloaded until expiresAt; EXPIRED: it was deleted.',
});

@InputType()
export class StartExportInput {
  @Field(() => ExportKindEnum)
  kind: ExportKindEnum;

  @Field(() => ExportFormatEnum)
  format: ExportFormatEnum;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'The same filters as the GET /export query parameters, e.g. { "status": ["CONFIRMED"], "channelCode": "WEB" }.',
  })
  filter?: Record<string, unknown>;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'CSV only: text cells starting with =, +, -, @, tab or carriage return get a leading apostrophe, so that a spreadsheet shows them instead of running them as formulas.',
  })
  spreadsheetSafe?: boolean;
}

@ObjectType({
  description:
    'An export running in the background; its file is downloaded with the same bearer token from downloadUrl.',
})
export class ExportJob {
  @Field(() => ID)
  id: string;

  @Field(() => ExportKindEnum)
  kind: ExportKindEnum;

  @Field(() => ExportFormatEnum)
  format: ExportFormatEnum;

  @Field(() => ExportJobState)
  state: ExportJobState;

  @Field(() => Int, { description: 'Records written so far (orders, not order lines).' })
  rowsDone: number;

  @Field(() => Int, { nullable: true, description: 'Records to write, known once the export has started.' })
  rowsTotal?: number | null;

  @Field(() => String, { nullable: true, description: 'Path of the file (GET with the bearer token) once DONE.' })
  downloadUrl?: string | null;

  @Field(() => String, { nullable: true })
  error?: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the file is deleted.' })
  expiresAt?: Date | null;
}

@ObjectType()
export class StartExportPayload {
  @Field(() => ExportJob, { nullable: true })
  job?: ExportJob;

  @Field(() => [UserError])
  userErrors: UserError[];
}
