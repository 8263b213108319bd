/** Writes the GraphQL schema to the repository root (schema.graphql), as committed. */
import 'reflect-metadata';
import path from 'node:path';
import { createSchema } from '../src/schema';

createSchema(undefined, path.resolve(__dirname, '../../../schema.graphql'))
  .then(() => console.log('schema.graphql written'))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
