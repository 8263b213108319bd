import { OrderSort, OrderStatus } from '../../graphql/generated';
import { matchesOrderList, orderListSearch, parseOrderListParams, toOrderFilter } from './urls';

test('filters round-trip through the URL', () => {
  const params = {
    status: [OrderStatus.Pending, OrderStatus.OnHold],
    channel: 'WEB',
    from: '2026-11-01',
    to: '2026-11-30',
    q: 'ada',
    tag: 'vip',
  };
  const search = orderListSearch(params);
  expect(search.toString()).toBe('status=PENDING%2CON_HOLD&channel=WEB&from=2026-11-01&to=2026-11-30&q=ada&tag=vip');
  expect(parseOrderListParams(search)).toEqual(params);
});

test('unknown statuses and malformed dates in a shared link are ignored', () => {
  expect(parseOrderListParams(new URLSearchParams('status=PENDING,NOPE&from=yesterday&q=%20%20'))).toEqual({
    status: [OrderStatus.Pending],
    channel: undefined,
    from: undefined,
    to: undefined,
    q: undefined,
    tag: undefined,
  });
});

test('a tag filter goes to the server lower-cased and a live order without the tag stays out', () => {
  const params = parseOrderListParams(new URLSearchParams('tag=VIP'));
  expect(toOrderFilter(params)).toEqual({ tag: 'vip' });
  const order = {
    status: OrderStatus.Pending,
    placedAt: '2026-11-27T10:00:00.000Z',
    number: '1',
    channel: { code: 'WEB' },
    customer: null,
  };
  expect(matchesOrderList(params, { ...order, tags: ['vip'] })).toBe(true);
  expect(matchesOrderList(params, { ...order, tags: ['gift'] })).toBe(false);
});

test('the date range includes the whole last day', () => {
  const f = toOrderFilter({ status: [], from: '2026-11-01', to: '2026-11-01' });
  expect(new Date(f.placedTo!).getTime() - new Date(f.placedFrom!).getTime()).toBe(24 * 3600 * 1000 - 1);
  expect(toOrderFilter({ status: [] })).toEqual({});
});

test('a live order is added only when it matches the filters shown', () => {
  const order = {
    status: OrderStatus.Pending,
    placedAt: new Date().toISOString(),
    number: '100042',
    externalId: null,
    channel: { code: 'WEB' },
    customer: { email: 'ada@example.com', name: 'Ada' },
  };
  expect(matchesOrderList({ status: [] }, order)).toBe(true);
  expect(matchesOrderList({ status: [OrderStatus.Confirmed] }, order)).toBe(false);
  expect(matchesOrderList({ status: [], channel: 'B2B' }, order)).toBe(false);
  expect(matchesOrderList({ status: [], q: 'ADA@' }, order)).toBe(true);
  expect(matchesOrderList({ status: [], q: 'grace' }, order)).toBe(false);
});

test('the sort is part of the URL; newest first (the default) is left out', () => {
  expect(parseOrderListParams(new URLSearchParams('sort=TOTAL_DESC')).sort).toBe(OrderSort.TotalDesc);
  expect(parseOrderListParams(new URLSearchParams('sort=PLACED_AT_DESC')).sort).toBeUndefined();
  expect(parseOrderListParams(new URLSearchParams('sort=CHEAPEST')).sort).toBeUndefined();
  expect(orderListSearch({ status: [], sort: OrderSort.TotalAsc }).toString()).toBe('sort=TOTAL_ASC');
});
