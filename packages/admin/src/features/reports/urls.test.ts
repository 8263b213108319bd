import { ReportBucket } from '../../graphql/generated';
import { toCsv } from './csv';
import { parseReportParams, reportSearch, toReportFilter } from './urls';

const NOW = new Date('2026-03-15T10:00:00Z');

test('defaults: the sales tab, the last 30 days with today, by day, every channel and warehouse', () => {
  expect(parseReportParams(new URLSearchParams(''), NOW)).toEqual({
    tab: 'sales',
    from: '2026-02-14',
    to: '2026-03-15',
    bucket: ReportBucket.Day,
    channel: undefined,
    warehouse: undefined,
  });
});

test('the URL round-trips, and junk falls back to the defaults', () => {
  const p = {
    tab: 'top' as const,
    from: '2026-01-01',
    to: '2026-01-31',
    bucket: ReportBucket.Week,
    channel: 'WEB',
    warehouse: 'BER',
  };
  expect(parseReportParams(reportSearch(p), NOW)).toEqual(p);
  expect(parseReportParams(new URLSearchParams('tab=nope&from=yesterday&bucket=YEAR'), NOW)).toMatchObject({
    tab: 'sales',
    from: '2026-02-14',
    bucket: ReportBucket.Day,
  });
});

test('the server filter covers whole UTC days, the "to" day included', () => {
  expect(
    toReportFilter({ tab: 'sales', from: '2026-01-01', to: '2026-01-31', bucket: ReportBucket.Month, channel: 'WEB' }),
  ).toEqual({
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-02-01T00:00:00.000Z',
    bucket: ReportBucket.Month,
    channelCode: 'WEB',
    warehouseCode: null,
  });
});

test('CSV quotes what needs quoting and defuses spreadsheet formulas', () => {
  expect(
    toCsv(
      ['a', 'b'],
      [
        ['x, y', 'say "hi"'],
        ['=cmd()', -12.5],
        [null, 3],
      ],
    ),
  ).toBe('a,b\r\n"x, y","say ""hi"""\r\n\'=cmd(),-12.5\r\n,3\r\n');
});

test("in a store zone the period runs from the store's midnights, and the default days are the store's", () => {
  const p = parseReportParams(new URLSearchParams(''), new Date('2026-12-06T12:00:00Z'), 'Pacific/Auckland');
  expect([p.from, p.to]).toEqual(['2026-11-08', '2026-12-07']);
  expect(toReportFilter({ ...p, from: '2026-12-07', to: '2026-12-07' }, 'Pacific/Auckland')).toMatchObject({
    from: '2026-12-06T11:00:00.000Z',
    to: '2026-12-07T11:00:00.000Z',
  });
});
