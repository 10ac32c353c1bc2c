import { readFile } from 'node:fs/promises';
import { Kind, parse } from 'graphql';
import { loadApiSchema } from '../../../subgraphs/integrations/src/partners/loadApiSchema.ts';
import { parseManifest } from '../../../subgraphs/integrations/src/partners/parseManifest.ts';
import { PlatformError } from '../../../subgraphs/kit/src/errors.ts';
import { normalizeDocumentId } from './documentIds.ts';

/** First-party documents allowed in safelist mode: normalized id → body. */
export type Safelist = ReadonlyMap<string, string>;

/**
 * Loads a manifest (Apollo's persisted query manifest or graphql-codegen's persisted documents)
 * with the same rules partners' manifests follow — ids are the SHA-256 of the body, one operation
 * per document, every document valid against the API schema of this supergraph — so a stale
 * manifest stops the gateway at start instead of failing requests later.
 */
export async function loadSafelist(manifestPath: string, supergraphPath: string): Promise<Safelist> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as unknown;
  } catch (error) {
    throw new Error(`SAFELIST_MANIFEST_PATH ${manifestPath}: ${(error as Error).message}`);
  }
  try {
    const documents = parseManifest(manifest, loadApiSchema(supergraphPath));
    return new Map(documents.map((d) => [normalizeDocumentId(d.documentId), d.body]));
  } catch (error) {
    if (error instanceof PlatformError) throw new Error(`SAFELIST_MANIFEST_PATH ${manifestPath}: ${error.message}`);
    throw error;
  }
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

/**
 * True when every operation of the text only asks for introspection fields, __schema or __type
 * among them (INTROSPECTION decides those); a bare `{ __typename }` is an ordinary document.
 */
export function isIntrospectionOnly(query: string): boolean {
  try {
    const document = parse(query);
    let operations = 0;
    let schemaFields = 0;
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      operations += 1;
      if (definition.operation !== 'query') return false;
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind !== Kind.FIELD || !INTROSPECTION_FIELDS.has(selection.name.value)) return false;
        if (selection.name.value !== '__typename') schemaFields += 1;
      }
    }
    return operations > 0 && schemaFields > 0;
  } catch {
    return false;
  }
}
