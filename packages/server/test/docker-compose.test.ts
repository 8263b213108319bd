/**
 * Docker cannot run on the development machines, so the deployment file is checked here: it
 * parses, and what it gives the server matches what the server reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ENV_VARS, loadConfig } from '../src/config/config';

const root = path.resolve(__dirname, '../../..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
const oms = compose.services?.oms;
const pg = compose.services?.postgres;

test('docker-compose describes PostgreSQL and the OMS server, each with a healthcheck', () => {
  expect(Object.keys(compose.services).sort()).toEqual(['oms', 'postgres']);
  expect(pg.image).toMatch(/^postgres:1[5-9]/);
  expect(pg.healthcheck.test.join(' ')).toContain('pg_isready');
  expect(oms.depends_on.postgres.condition).toBe('service_healthy');
  expect(oms.healthcheck.test.join(' ')).toContain(`127.0.0.1:${oms.environment.PORT}/readyz`);
});

test('the server is given only variables it reads, and they parse', () => {
  for (const name of Object.keys(oms.environment)) expect(ENV_VARS).toContain(name);
  const config = loadConfig(oms.environment);
  expect(config.port).toBe(4000);
  expect(config.seed).toBe('none');
  expect(config.adminEmail).toBeTruthy();
  expect(config.adminPassword).toBeTruthy();
});

test('DATABASE_URL points at the compose PostgreSQL with its user, password and database', () => {
  const url = new URL(oms.environment.DATABASE_URL);
  expect(url.hostname).toBe('postgres');
  expect(url.port).toBe('5432');
  expect(decodeURIComponent(url.username)).toBe(pg.environment.POSTGRES_USER);
  expect(decodeURIComponent(url.password)).toBe(pg.environment.POSTGRES_PASSWORD);
  expect(url.pathname).toBe(`/${pg.environment.POSTGRES_DB}`);
});

test('the published port is the port the server listens on', () => {
  expect(oms.ports).toEqual([`${oms.environment.PORT}:${oms.environment.PORT}`]);
});

test('the image the compose file builds runs the compiled server', () => {
  expect(oms.build).toBe('.');
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  expect(dockerfile).toMatch(/CMD \["node", "packages\/server\/dist\/main.js"\]/);
  expect(dockerfile).toContain('pnpm@12.4.2');
});

test('every variable the server reads is documented in docs/configuration.md', () => {
  const docs = fs.readFileSync(path.join(root, 'docs/configuration.md'), 'utf8');
  for (const name of ENV_VARS) expect(docs).toContain(`\`${name}\``);
});
