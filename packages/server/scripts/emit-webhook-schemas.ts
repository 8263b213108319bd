/** Writes the webhook bodies' JSON Schemas to docs/webhooks/schemas (src/modules/webhooks/webhook.schemas.ts), as committed. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { webhookSchemaFiles } from '../src/modules/webhooks/webhook.schemas';

const dir = path.resolve(__dirname, '../../../docs/webhooks/schemas');
fs.mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(webhookSchemaFiles())) fs.writeFileSync(path.join(dir, file), text);
console.log(`webhook schemas written to ${dir}`);
