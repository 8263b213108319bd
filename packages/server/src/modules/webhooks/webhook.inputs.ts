import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { EVENT_TYPES } from '../events';

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'http or https URL that receives POST requests.' })
  @Length(1, 2000)
  url: string;

  @Field(() => [String], { description: `Event types to deliver: ${EVENT_TYPES.join(', ')}.` })
  @ArrayMinSize(1, { message: 'must name at least one event type' })
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn(EVENT_TYPES, { each: true, message: `must be event types (${EVENT_TYPES.join(', ')})` })
  eventTypes: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Only events of these channels. Absent: every channel (for a partner key: all of its channels).',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one channel, or be left out' })
  @ArrayMaxSize(100)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { each: true, message: 'must be channel codes' })
  channelCodes?: string[];
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  url?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one event type' })
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn(EVENT_TYPES, { each: true, message: `must be event types (${EVENT_TYPES.join(', ')})` })
  eventTypes?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Replaces the channels (an admin may pass [] for every channel).',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { each: true, message: 'must be channel codes' })
  channelCodes?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'false disables the endpoint; true enables it again (and clears its failure count).',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'Which stored events to send again to an endpoint; every filter is optional.' })
export class ReplayEventsInput {
  @Field(() => ID)
  @IsUUID(undefined, { message: 'must be a webhook endpoint id' })
  endpointId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Only events after this one (an event id, e.g. the last one a receiver processed).',
  })
  @IsOptional()
  @IsUUID(undefined, { message: 'must be an event id' })
  after?: string;

  @Field(() => Date, { nullable: true, description: 'Only events that happened at or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Only events that happened before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => [String], {
    nullable: true,
    description: 'Only these event types (of those the endpoint subscribes to). Absent: all of its types.',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'must name at least one event type, or be left out' })
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn(EVENT_TYPES, { each: true, message: `must be event types (${EVENT_TYPES.join(', ')})` })
  types?: string[];
}
