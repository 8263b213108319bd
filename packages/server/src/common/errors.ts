/**
 * Two kinds of failure. Expected business failures are returned to the caller as UserError
 * values in a mutation's payload (typed result, not an exception). Anything exceptional is
 * thrown; access failures are GraphQL errors with a literal extensions.code, and anything
 * unexpected is masked by the server before it reaches a client.
 */
import { GraphQLError } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  FORBIDDEN = 'FORBIDDEN',
}
registerEnumType(ErrorCode, { name: 'ErrorCode', description: 'Why a mutation was refused.' });

@ObjectType({ description: 'An expected, business-level failure of a mutation. Nothing was changed.' })
export class UserError {
  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, e.g. ["input", "lines", "0", "quantity"].',
  })
  field?: string[];

  @Field(() => String)
  message: string;

  @Field(() => ErrorCode)
  code: ErrorCode;

  constructor(code: ErrorCode, message: string, field?: string[]) {
    this.code = code;
    this.message = message;
    this.field = field;
  }
}

/**
 * Thrown inside a service transaction to abort it (rolling everything back) and return
 * the errors to the caller as userErrors.
 */
export class DomainError extends Error {
  readonly userErrors: UserError[];
  constructor(errors: UserError | UserError[]) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list.map((e) => e.message).join('; '));
    this.userErrors = list;
  }
}

export const fail = (code: ErrorCode, message: string, field?: string[]): never => {
  throw new DomainError(new UserError(code, message, field));
};

export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication required: send Authorization: Bearer <token>') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'You are not allowed to do this', details: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'FORBIDDEN', ...details, http: { status: 403 } } });
  }
}

/** Too many requests: `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends GraphQLError {
  constructor(message: string, retryAfterSeconds: number, details: Record<string, unknown> = {}) {
    super(message, {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfterSeconds,
        ...details,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
}

export class BadRequestError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}
