/**
 * The e-mail templates: the default per event, the variables each event offers, checking a template
 * (it must compile, and name only known variables) and rendering one. Templates are Mustache
 * (logic-less): {{x}} in the HTML body is HTML-escaped, {{{x}}} is not; subject and plain text are
 * never escaped (they are not HTML).
 */
import Mustache from 'mustache';
import { EmailEvent } from './email.entity';

export interface TemplateParts {
  subject: string;
  text: string;
  html: string;
}

/** The variables every event offers; `lines` is a list whose items offer LINE_VARIABLES. */
const COMMON = [
  'order.number',
  'order.status',
  'order.placedAt',
  'order.currency',
  'order.subtotal',
  'order.shipping',
  'order.tax',
  'order.total',
  'order.paid',
  'order.refunded',
  'customer.name',
  'customer.email',
  'shippingAddress.name',
  'shippingAddress.line1',
  'shippingAddress.line2',
  'shippingAddress.city',
  'shippingAddress.postalCode',
  'shippingAddress.country',
  'channel.code',
  'channel.name',
  'tracking.url',
  'lines',
];
const LINE_VARIABLES = ['sku', 'name', 'quantity', 'unitPrice', 'total'];
const SHIPMENT = ['shipment.carrier', 'shipment.trackingNumber', 'shipment.shippedAt', 'shipment.deliveredAt'];

export const EVENT_VARIABLES: Record<EmailEvent, string[]> = {
  [EmailEvent.ORDER_PLACED]: COMMON,
  [EmailEvent.ORDER_SHIPPED]: [...COMMON, ...SHIPMENT],
  [EmailEvent.ORDER_DELIVERED]: [...COMMON, ...SHIPMENT],
  [EmailEvent.ORDER_CANCELLED]: [...COMMON, 'cancel.reason'],
  [EmailEvent.ORDER_REFUNDED]: [...COMMON, 'refund.amount', 'refund.reason'],
};

/** What the listing offers: the variables, with `lines.<field>` for the list's items. */
export function variablesOf(event: EmailEvent): string[] {
  return [...EVENT_VARIABLES[event], ...LINE_VARIABLES.map((v) => `lines.${v}`)];
}

const LINES_TEXT = `{{#lines}}
- {{quantity}} x {{name}} ({{sku}}): {{total}}
{{/lines}}`;
const LINES_HTML = `<table>
{{#lines}}<tr><td>{{quantity}} &times; {{name}} ({{sku}})</td><td align="right">{{total}}</td></tr>
{{/lines}}</table>`;
const TOTALS_TEXT = `Subtotal: {{order.subtotal}}
Shipping: {{order.shipping}}
Tax: {{order.tax}}
Total: {{order.total}}`;
const TOTALS_HTML = `<p>Subtotal: {{order.subtotal}}<br>Shipping: {{order.shipping}}<br>Tax: {{order.tax}}<br><strong>Total: {{order.total}}</strong></p>`;
const FOOTER_TEXT = `Follow your order: {{tracking.url}}

{{channel.name}}`;
const FOOTER_HTML = `<p><a href="{{tracking.url}}">Follow your order</a></p>
<p>{{channel.name}}</p>`;

function html(title: string, body: string): string {
  return `<!doctype html>
<html><body style="font-family: sans-serif">
<h1>${title}</h1>
${body}
${FOOTER_HTML}
</body></html>`;
}

export const DEFAULT_TEMPLATES: Record<EmailEvent, TemplateParts> = {
  [EmailEvent.ORDER_PLACED]: {
    subject: 'Your order {{order.number}} is confirmed',
    text: `Hello {{customer.name}},

thank you for your order {{order.number}}.

${LINES_TEXT}

${TOTALS_TEXT}

${FOOTER_TEXT}
`,
    html: html(
      'Thank you for your order {{order.number}}',
      `<p>Hello {{customer.name}},</p>\n${LINES_HTML}\n${TOTALS_HTML}`,
    ),
  },
  [EmailEvent.ORDER_SHIPPED]: {
    subject: 'Your order {{order.number}} has shipped',
    text: `Hello {{customer.name}},

your order {{order.number}} is on its way{{#shipment.carrier}} with {{shipment.carrier}}{{/shipment.carrier}}.
{{#shipment.trackingNumber}}Tracking number: {{shipment.trackingNumber}}
{{/shipment.trackingNumber}}
${LINES_TEXT}

${FOOTER_TEXT}
`,
    html: html(
      'Your order {{order.number}} has shipped',
      `<p>Hello {{customer.name}},</p>
<p>Your order is on its way{{#shipment.carrier}} with {{shipment.carrier}}{{/shipment.carrier}}.</p>
{{#shipment.trackingNumber}}<p>Tracking number: <strong>{{shipment.trackingNumber}}</strong></p>{{/shipment.trackingNumber}}
${LINES_HTML}`,
    ),
  },
  [EmailEvent.ORDER_DELIVERED]: {
    subject: 'Your order {{order.number}} was delivered',
    text: `Hello {{customer.name}},

your order {{order.number}} was delivered. We hope you enjoy it.

${FOOTER_TEXT}
`,
    html: html(
      'Your order {{order.number}} was delivered',
      `<p>Hello {{customer.name}},</p>\n<p>Your order was delivered. We hope you enjoy it.</p>`,
    ),
  },
  [EmailEvent.ORDER_CANCELLED]: {
    subject: 'Your order {{order.number}} was cancelled',
    text: `Hello {{customer.name}},

your order {{order.number}} was cancelled.{{#cancel.reason}} Reason: {{cancel.reason}}{{/cancel.reason}}

${FOOTER_TEXT}
`,
    html: html(
      'Your order {{order.number}} was cancelled',
      `<p>Hello {{customer.name}},</p>\n<p>Your order was cancelled.{{#cancel.reason}} Reason: {{cancel.reason}}{{/cancel.reason}}</p>`,
    ),
  },
  [EmailEvent.ORDER_REFUNDED]: {
    subject: 'A refund for your order {{order.number}}',
    text: `Hello {{customer.name}},

we refunded {{refund.amount}} for your order {{order.number}}.{{#refund.reason}} Reason: {{refund.reason}}{{/refund.reason}}

Refunded in total: {{order.refunded}}

${FOOTER_TEXT}
`,
    html: html(
      'A refund for your order {{order.number}}',
      `<p>Hello {{customer.name}},</p>
<p>We refunded <strong>{{refund.amount}}</strong> for your order.{{#refund.reason}} Reason: {{refund.reason}}{{/refund.reason}}</p>
<p>Refunded in total: {{order.refunded}}</p>`,
    ),
  },
};

type Token = [string, string, number, number, Token[]?, ...unknown[]];

/**
 * Problems of one template: a syntax error, or the names it uses that the event does not offer
 * (inside {{#lines}} the line variables too). Empty when it is fine.
 */
export function templateProblems(template: string, event: EmailEvent): string[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as unknown as Token[];
  } catch (err) {
    return [`does not compile: ${(err as Error).message}`];
  }
  const known = new Set(EVENT_VARIABLES[event]);
  // A section may name a variable's parent (e.g. {{#shipment.carrier}} or {{#order}}).
  const prefixes = new Set([...known].flatMap((v) => v.split('.').map((_, i, a) => a.slice(0, i + 1).join('.'))));
  const unknown = new Set<string>();
  const problems: string[] = [];
  const walk = (list: Token[], inLines: boolean) => {
    for (const t of list) {
      const [type, name] = t;
      if (type === 'text' || type === '!' || type === '=') continue;
      if (type === '>' || type === '<' || type === '$') {
        problems.push(`partials are not supported ({{${type}${name}}})`);
        continue;
      }
      const ok =
        name === '.' ||
        prefixes.has(name) ||
        (inLines && LINE_VARIABLES.includes(name)) ||
        (inLines && name.startsWith('lines.') && LINE_VARIABLES.includes(name.slice(6)));
      if (!ok) unknown.add(name);
      if ((type === '#' || type === '^') && t[4]) walk(t[4], inLines || name === 'lines');
    }
  };
  walk(tokens, false);
  if (unknown.size) problems.push(`unknown variable${unknown.size > 1 ? 's' : ''}: ${[...unknown].join(', ')}`);
  return problems;
}

const noEscape = (s: string) => s;

/** Renders a template's three parts with a view; only the HTML body escapes what it inserts. */
export function renderTemplate(parts: TemplateParts, view: object): TemplateParts {
  return {
    subject: Mustache.render(parts.subject, view, {}, { escape: noEscape }).replace(/\s+/g, ' ').trim(),
    text: Mustache.render(parts.text, view, {}, { escape: noEscape }),
    html: Mustache.render(parts.html, view),
  };
}
