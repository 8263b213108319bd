import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsByteLength,
  IsEmail,
  IsEnum,
  IsOptional,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';

/** bcrypt reads only the first 72 bytes of a password: longer ones are refused (see auth.service MAX_PASSWORD_BYTES). */
const AT_MOST_72_BYTES = IsByteLength(0, 72, {
  message: 'must be at most 72 bytes in UTF-8 (longer passwords are refused)',
});
import { Field, ID, InputType } from 'type-graphql';
import { Permission, Role } from './permissions';

@InputType()
export class CreateUserInput {
  @Field(() => String)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @Length(3, 320)
  email: string;

  @Field(() => String)
  @Length(1, 200)
  name: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => String, {
    description:
      'A one-time password: the user must choose a new one at first sign-in. 10 to 200 characters, at most 72 bytes.',
  })
  @Length(10, 200, { message: 'must be 10 to 200 characters' })
  @AT_MOST_72_BYTES
  password: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string;

  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field(() => Boolean, {
    nullable: true,
    description: 'false signs the user out everywhere at once and refuses their sign-ins.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Resets the password to a one-time password (the user must change it) and signs them out.',
  })
  @IsOptional()
  @Length(10, 200, { message: 'must be 10 to 200 characters' })
  @AT_MOST_72_BYTES
  password?: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @Length(1, 200)
  currentPassword: string;

  @Field(() => String, {
    description: '10 to 200 characters and at most 72 bytes (UTF-8), different from the current one.',
  })
  @Length(10, 200, { message: 'must be 10 to 200 characters' })
  @AT_MOST_72_BYTES
  newPassword: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Who the key is for, e.g. "Marketplace X".' })
  @Length(1, 200)
  name: string;

  @Field(() => [String], { description: 'The channels the key may see and place orders into (at least one).' })
  @ArrayMinSize(1, { message: 'must name at least one channel' })
  @ArrayMaxSize(100)
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { each: true, message: 'must be channel codes' })
  channelCodes: string[];

  @Field(() => [Permission])
  @ArrayMinSize(1, { message: 'must name at least one permission' })
  @IsEnum(Permission, { each: true })
  permissions: Permission[];
}
