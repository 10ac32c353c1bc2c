import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { composeSupergraph } from '../scripts/composeSupergraph.ts';

const root = join(import.meta.dirname, '..');
const run = promisify(execFile);

describe('generated files are committed up to date', () => {
  it('schema/supergraph.graphql is what the subgraph SDL files compose to', async () => {
    const composed = await composeSupergraph(root);
    const committed = await readFile(join(root, 'schema', 'supergraph.graphql'), 'utf8');
    expect(committed === composed, 'schema/supergraph.graphql is stale: run `npm run compose`').toBe(true);
  });

  it('codegen output (resolver types, typed documents) matches the schemas and operations', async () => {
    const bin = join(root, 'node_modules', '.bin', 'graphql-codegen');
    const result = await run(process.execPath, [bin, '--config', 'codegen.ts', '--check'], { cwd: root }).then(
      () => ({ ok: true, output: '' }),
      (error: { stdout?: string; stderr?: string }) => ({ ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
    expect(result.ok, `generated code is stale: run \`npm run codegen\`\n${result.output}`).toBe(true);
  }, 120_000);
});
