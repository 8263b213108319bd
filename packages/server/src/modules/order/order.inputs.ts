/** Inputs of the order use cases, validated with class-validator before anything is written. */
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsISO31661Alpha2,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { INT4_MAX } from '../../common/limits';
import { OrderStatus } from './order-state';

@InputType()
export class CustomerInput {
  @Field(() => String)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(320)
  email: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string;
}

@InputType()
export class AddressInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string;

  @Field(() => String)
  @Length(1, 300)
  line1: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  line2?: string;

  @Field(() => String)
  @Length(1, 200)
  city: string;

  @Field(() => String)
  @Length(1, 32)
  postalCode: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2, e.g. DE.' })
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code such as DE' })
  country: string;
}

@InputType()
export class OrderLineInput {
  @Field(() => String)
  @Length(1, 64)
  sku: string;

  @Field(() => Int)
  @Min(1)
  @Max(1_000_000)
  quantity: number;

  @Field(() => Int, {
    nullable: true,
    description: "Unit price in minor units of the channel's currency; defaults to the product price.",
  })
  @IsOptional()
  @Min(0)
  @Max(1_000_000_000)
  unitPrice?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'The tax the sales channel charged on the whole line, in minor units; taken as given (it wins over taxRate). Prices stay net: the tax is added to the total.',
  })
  @IsOptional()
  @Min(0)
  @Max(INT4_MAX)
  taxAmount?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'The tax rate in basis points (1900 = 19 %), 0 to 100000. Given alone, the line tax is round(net × taxRate / 10000), half away from zero.',
  })
  @IsOptional()
  @Min(0)
  @Max(100_000)
  taxRate?: number;
}

@InputType()
export class PlaceOrderInput {
  @Field(() => String)
  @Length(1, 64)
  channelCode: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The order's id in the sales channel. Placing the same (channelCode, externalId) again returns the first order.",
  })
  @IsOptional()
  @Length(1, 128)
  externalId?: string;

  @Field(() => CustomerInput)
  @ValidateNested()
  customer: CustomerInput;

  @Field(() => AddressInput)
  @ValidateNested()
  shippingAddress: AddressInput;

  @Field(() => [OrderLineInput])
  @ArrayMinSize(1, { message: 'lines must contain at least one line' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  lines: OrderLineInput[];

  @Field(() => Int, { nullable: true, description: 'Shipping charge in minor units; default 0.' })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  shippingAmount?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

export enum OrderSort {
  PLACED_AT_DESC = 'PLACED_AT_DESC',
  PLACED_AT_ASC = 'PLACED_AT_ASC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
  TOTAL_DESC = 'TOTAL_DESC',
  TOTAL_ASC = 'TOTAL_ASC',
}
registerEnumType(OrderSort, {
  name: 'OrderSort',
  description: 'Order of the orders list; ties are broken by id, so cursors stay stable.',
});

@InputType()
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true })
  status?: OrderStatus[];

  @Field(() => String, { nullable: true })
  channelCode?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Order number or external id (exactly), or part of the customer e-mail or name (with CUSTOMER_READ only).',
  })
  search?: string;

  @Field(() => Date, { nullable: true })
  placedFrom?: Date;

  @Field(() => Date, { nullable: true })
  placedTo?: Date;

  @Field(() => String, { nullable: true, description: 'Only orders with this tag.' })
  tag?: string;
}

/**
 * An order from another system, created at its status by OrderImport.importOrder in order-import.ts (the data
 * import, modules/data). Amounts are integer minor units in the channel's currency.
 */
export interface ImportedOrder {
  channelCode: string;
  /** Kept when given (unique); else the next number of the sequence. */
  number?: string;
  externalId?: string;
  status: OrderStatus;
  /** ON_HOLD only: the status a release returns to. */
  statusBeforeHold?: OrderStatus;
  holdReason?: string;
  cancelReason?: string;
  placedAt: Date;
  /** Checked against the channel's currency when given. */
  currency?: string;
  customer: { email: string; name?: string };
  shippingAddress: { name?: string; line1: string; line2?: string; city: string; postalCode: string; country: string };
  shippingAmount: number;
  note?: string;
  /** Checked against lines + shipping + tax when given. */
  total?: number;
  /** Checked against the sum of the lines' tax when given. */
  taxTotal?: number;
  lines: {
    sku: string;
    name?: string;
    quantity: number;
    unitPrice: number;
    /** The line's tax in minor units; from taxRate when only that is given, else 0. */
    taxAmount?: number;
    /** Basis points (1900 = 19 %). */
    taxRate?: number;
    quantityShipped: number;
    quantityReturned: number;
  }[];
  payments: { amount: number; method: string; reference?: string; recordedBy?: string; at: Date }[];
  refunds: { amount: number; reason?: string; recordedBy?: string; at: Date }[];
  shipments: {
    warehouse: string;
    status: 'SHIPPED' | 'DELIVERED';
    carrier?: string;
    trackingNumber?: string;
    shippedAt: Date;
    deliveredAt?: Date;
    lines: { sku: string; quantity: number }[];
  }[];
}

@InputType({ description: 'Changes to an order before anything has shipped; fields left out stay as they are.' })
export class EditOrderInput {
  @Field(() => ID)
  @Length(1, 64)
  orderId: string;

  @Field(() => AddressInput, { nullable: true, description: 'The new shipping address, whole.' })
  @IsOptional()
  @ValidateNested()
  shippingAddress?: AddressInput;

  @Field(() => [OrderLineInput], {
    nullable: true,
    description:
      'The complete new set of lines: a SKU left out is removed, a new SKU is added. A kept SKU keeps its unit price unless unitPrice is given; a new one takes the product price. Tax: a new line takes taxAmount/taxRate as at placement; a kept line takes taxAmount when given, else is recomputed from taxRate (given, or the one it has), else its tax is scaled by the quantity ratio.',
  })
  @IsOptional()
  @ArrayMinSize(1, { message: 'lines must contain at least one line' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  lines?: OrderLineInput[];

  @Field(() => Int, { nullable: true, description: 'The new shipping charge in minor units.' })
  @IsOptional()
  @Min(0)
  @Max(100_000_000)
  shippingAmount?: number;

  @Field(() => String, { description: 'Why the order is changed; recorded in its history.' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason: string;
}
