import { Badge } from '@mantine/core';
import { OrderStatus, PaymentStatus } from '../../../graphql/generated';
import { humanize } from '../../../lib/format';

/** Table cells are narrow: show the whole status rather than an ellipsis. */
const NO_TRUNCATE = {
  root: { overflow: 'visible', maxWidth: 'none', flexShrink: 0 },
  label: { overflow: 'visible', textOverflow: 'clip' },
} as const;

export const STATUS_COLORS: Record<OrderStatus, string> = {
  PENDING: 'yellow',
  ON_HOLD: 'orange',
  CONFIRMED: 'blue',
  PARTIALLY_SHIPPED: 'cyan',
  SHIPPED: 'teal',
  DELIVERED: 'green',
  CANCELLED: 'gray',
  RETURNED: 'grape',
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="order-status" styles={NO_TRUNCATE}>
      {humanize(status)}
    </Badge>
  );
}

const PAYMENT_COLORS: Record<PaymentStatus, string> = {
  UNPAID: 'red',
  PARTIALLY_PAID: 'yellow',
  PAID: 'green',
  PARTIALLY_REFUNDED: 'orange',
  REFUNDED: 'gray',
};

export function PaymentBadge({ status }: { status: PaymentStatus }) {
  return (
    <Badge color={PAYMENT_COLORS[status]} variant="outline" styles={NO_TRUNCATE} data-testid="payment-status">
      {humanize(status)}
    </Badge>
  );
}
