/** Orders as the server returns them (with __typename, as Apollo's cache expects). */
import {
  OrderAction,
  OrderDetailFragment,
  OrderListItemFragment,
  OrderStatus,
  PaymentStatus,
} from '../src/graphql/generated';

const eur = (amount: number) => ({ __typename: 'Money' as const, amount, currency: 'EUR' });
const WH = { __typename: 'Warehouse' as const, id: 'w1', code: 'BER', name: 'Berlin' };

export function orderDetail(overrides: Partial<OrderDetailFragment> = {}): OrderDetailFragment {
  return {
    __typename: 'Order',
    id: 'o1',
    number: '100042',
    externalId: null,
    status: OrderStatus.Pending,
    holdReason: null,
    cancelReason: null,
    paymentStatus: PaymentStatus.Unpaid,
    currency: 'EUR',
    note: null,
    placedAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    nextStatuses: [OrderStatus.Confirmed, OrderStatus.OnHold, OrderStatus.Cancelled],
    availableActions: [OrderAction.Confirm, OrderAction.Hold, OrderAction.Cancel, OrderAction.RecordPayment],
    subtotal: eur(2500),
    shipping: eur(495),
    taxTotal: eur(0),
    total: eur(2995),
    totalPaid: eur(0),
    totalRefunded: eur(0),
    amountDue: eur(2995),
    refundDue: eur(0),
    channel: { __typename: 'Channel', id: 'c1', code: 'WEB', name: 'Web shop' },
    customer: { __typename: 'Customer', id: 'cu1', email: 'ada@example.com', name: 'Ada Lovelace' },
    shippingAddress: {
      __typename: 'Address',
      name: 'Ada Lovelace',
      line1: '12 Analytical Row',
      line2: null,
      city: 'London',
      postalCode: 'N1',
      country: 'GB',
    },
    lines: [
      {
        __typename: 'OrderLine',
        id: 'l1',
        sku: 'MUG-1',
        name: 'Mug',
        quantity: 2,
        quantityShipped: 0,
        quantityReturned: 0,
        unitPrice: eur(1250),
        lineTotal: eur(2500),
        tax: eur(0),
        taxRate: null,
        allocations: [
          {
            __typename: 'StockAllocation',
            id: 'a1',
            quantity: 2,
            quantityShipped: 0,
            quantityReturned: 0,
            quantityReserved: 2,
            warehouse: WH,
          },
        ],
      },
    ],
    payments: [],
    refunds: [],
    shipments: [],
    returns: [],
    history: [
      {
        __typename: 'OrderEvent',
        id: 'h1',
        type: 'PLACED' as never,
        fromStatus: null,
        toStatus: OrderStatus.Pending,
        message: 'Order placed in WEB',
        actor: 'system',
        at: '2026-11-27T10:00:00.000Z',
      },
    ],
    ...overrides,
  } as OrderDetailFragment;
}

export function orderListItem(overrides: Partial<OrderListItemFragment> = {}): OrderListItemFragment {
  return {
    __typename: 'Order',
    id: 'o1',
    number: '100042',
    externalId: 'EXT-9',
    status: OrderStatus.Pending,
    paymentStatus: PaymentStatus.Unpaid,
    placedAt: '2026-11-27T10:00:00.000Z',
    updatedAt: '2026-11-27T10:00:00.000Z',
    total: eur(2995),
    channel: { __typename: 'Channel', id: 'c1', code: 'WEB', name: 'Web shop' },
    customer: { __typename: 'Customer', id: 'cu1', email: 'ada@example.com', name: 'Ada Lovelace' },
    lines: [{ __typename: 'OrderLine', id: 'l1', quantity: 2 }],
    tags: [],
    ...overrides,
  } as OrderListItemFragment;
}
