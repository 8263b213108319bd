import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Connection, PagingArgs } from '../../common/pagination';
import { Payload } from '../../common/payload';
import { Permission } from '../auth';
import { EmailEvent, EmailMessage, EmailStatus, EmailTemplate } from './email.entity';
import { EmailService } from './email.service';

@ObjectType()
export class EmailTemplatePayload extends Payload('EmailTemplatePayload', 'template', EmailTemplate) {
  template?: EmailTemplate;
}

@ObjectType()
export class EmailMessageConnection extends Connection(EmailMessage, 'EmailMessage') {}

@ObjectType({ description: 'An e-mail as it would be sent now. Nothing is sent or saved.' })
export class EmailPreview {
  @Field(() => String)
  subject: string;

  @Field(() => String)
  text: string;

  @Field(() => String)
  html: string;

  @Field(() => String)
  recipient: string;

  @Field(() => Boolean, { description: 'True: rendered with a made-up sample order.' })
  sample: boolean;

  @Field(() => [String], {
    description: "What is wrong with the template (it would be refused when saved); empty when it's fine.",
  })
  problems: string[];
}

@InputType({
  description:
    "A channel's template for one event (Mustache: {{order.number}}, {{#lines}}...{{/lines}}; see docs/emails.md). Parts not given keep their current text.",
})
export class UpdateEmailTemplateInput {
  @Field(() => String)
  channelCode: string;

  @Field(() => EmailEvent)
  event: EmailEvent;

  @Field(() => String, { nullable: true })
  subject?: string;

  @Field(() => String, { nullable: true })
  text?: string;

  @Field(() => String, { nullable: true })
  html?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: delete the override; the channel uses the default again.',
  })
  reset?: boolean;
}

@InputType({ description: 'Unsaved template parts to preview (parts not given: the saved template).' })
export class EmailTemplateDraftInput {
  @Field(() => String, { nullable: true })
  subject?: string;

  @Field(() => String, { nullable: true })
  text?: string;

  @Field(() => String, { nullable: true })
  html?: string;
}

@InputType()
export class EmailMessageFilter {
  @Field(() => ID, { nullable: true })
  orderId?: string;

  @Field(() => EmailStatus, { nullable: true })
  status?: EmailStatus;
}

@ArgsType()
class EmailMessageArgs extends PagingArgs {
  @Field(() => EmailMessageFilter, { nullable: true })
  filter?: EmailMessageFilter;
}

@Resolver()
export class EmailResolver {
  constructor(private readonly emails: EmailService) {}

  @Authorized(Permission.EMAIL_MANAGE)
  @Query(() => [EmailTemplate], {
    description: "A channel's e-mail template for every event (its override or the default).",
  })
  emailTemplates(@Ctx() ctx: RequestContext, @Arg('channelCode', () => String) channelCode: string) {
    return this.emails.templates(ctx, channelCode);
  }

  @Authorized(Permission.EMAIL_MANAGE)
  @Mutation(() => EmailTemplatePayload, {
    description:
      "Saves a channel's template for an event (it must compile and use only the event's variables), or resets it.",
  })
  updateEmailTemplate(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateEmailTemplateInput) input: UpdateEmailTemplateInput,
  ) {
    return this.emails.updateTemplate(ctx, input);
  }

  @Authorized(Permission.EMAIL_MANAGE)
  @Query(() => EmailPreview, {
    description:
      'Renders an e-mail with a real order (needs CUSTOMER_READ too) or a sample one, from the saved template or a draft. Sends nothing.',
  })
  previewEmail(
    @Ctx() ctx: RequestContext,
    @Arg('channelCode', () => String) channelCode: string,
    @Arg('event', () => EmailEvent) event: EmailEvent,
    @Arg('orderId', () => ID, { nullable: true }) orderId?: string,
    @Arg('draft', () => EmailTemplateDraftInput, { nullable: true }) draft?: EmailTemplateDraftInput,
  ) {
    return this.emails.preview(ctx, { channelCode, event, orderId, draft });
  }

  @Authorized(Permission.EMAIL_MANAGE, Permission.CUSTOMER_READ)
  @Query(() => EmailMessageConnection, {
    description:
      'Customer e-mails sent or tried, newest first (recipients are personal data: needs CUSTOMER_READ too).',
  })
  emailMessages(@Ctx() ctx: RequestContext, @Args(() => EmailMessageArgs) args: EmailMessageArgs) {
    return this.emails.messages(ctx, args);
  }
}
