import { createHash } from 'node:crypto';
import { Kind, parse, validate } from 'graphql';
import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { badInput } from '../../../kit/src/errors.ts';

export const MAX_DOCUMENTS_PER_MANIFEST = 1000;
export const MAX_DOCUMENT_BYTES = 64 * 1024;
/** Problems named in the error message; all of them are in extensions.problems. */
const PROBLEMS_IN_MESSAGE = 5;

export type OperationType = 'query' | 'mutation' | 'subscription';

export interface ManifestDocument {
  documentId: string;
  body: string;
  operationName: string | null;
  operationType: OperationType;
}

export interface ManifestProblem {
  documentId: string | null;
  message: string;
}

interface Entry {
  id: unknown;
  body: unknown;
  /** Apollo's format states name and type; they must agree with the document. */
  name?: unknown;
  type?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const describeId = (id: unknown) => (typeof id === 'string' ? id : null);

/** The entries of either format, or a problem when the manifest is neither. */
function entriesOf(manifest: unknown): Entry[] | string {
  if (!isRecord(manifest)) return 'the manifest must be a JSON object';
  if ('format' in manifest) {
    if (manifest.format !== 'apollo-persisted-query-manifest') return `unknown manifest format ${JSON.stringify(manifest.format)}`;
    if (manifest.version !== 1) return 'only version 1 of apollo-persisted-query-manifest is supported';
    if (!Array.isArray(manifest.operations)) return '`operations` must be an array';
    return manifest.operations.map((op: unknown) => (isRecord(op) ? { id: op.id, body: op.body, name: op.name, type: op.type } : { id: null, body: null }));
  }
  // graphql-codegen's persisted documents: { "<hash>": "<document>" }.
  return Object.entries(manifest).map(([id, body]) => ({ id, body }));
}

/** The one problem of an entry, or its document. */
function checkEntry(entry: Entry, schema: GraphQLSchema, apollo: boolean): ManifestDocument | string {
  const { id, body } = entry;
  if (typeof id !== 'string' || id.length === 0) return 'the document id must be a non-empty string';
  if (typeof body !== 'string') return 'the document body must be a string';
  if (Buffer.byteLength(body, 'utf8') > MAX_DOCUMENT_BYTES) return `the document is larger than ${MAX_DOCUMENT_BYTES} bytes`;
  // The id is the body's SHA-256, bare (codegen, Apollo) or as sha256:<hex>.
  const expected = sha256(body);
  if (id.toLowerCase() !== expected && id.toLowerCase() !== `sha256:${expected}`) return `the id is not the SHA-256 of the body (expected ${expected})`;
  let operations: OperationDefinitionNode[];
  try {
    const document = parse(body);
    const errors = validate(schema, document);
    if (errors.length > 0) return errors.map((e) => e.message).join('; ');
    operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  } catch (error) {
    return `syntax error: ${(error as Error).message}`;
  }
  // One operation per document: the gateway runs it by id, without an operation name to choose.
  if (operations.length !== 1) return `a document must hold exactly one operation, found ${operations.length}`;
  const operation = operations[0]!;
  const operationName = operation.name?.value ?? null;
  const operationType = operation.operation as OperationType;
  if (apollo) {
    if (entry.name !== undefined && entry.name !== null && entry.name !== operationName) return `\`name\` ${JSON.stringify(entry.name)} does not match the operation (${operationName})`;
    if (entry.type !== operationType) return `\`type\` ${JSON.stringify(entry.type)} does not match the operation (${operationType})`;
  }
  return { documentId: id, body, operationName, operationType };
}

/**
 * Reads a manifest in Apollo's or graphql-codegen's format and validates every document against
 * the API schema. All or nothing: any problem refuses the whole manifest with BAD_USER_INPUT,
 * listing every problem (document id and message) in extensions.problems.
 */
export function parseManifest(manifest: unknown, schema: GraphQLSchema): ManifestDocument[] {
  const entries = entriesOf(manifest);
  if (typeof entries === 'string') throw badInput(`Invalid manifest: ${entries}`, { problems: [{ documentId: null, message: entries }] });
  if (entries.length === 0) throw badInput('Invalid manifest: it has no documents', { problems: [{ documentId: null, message: 'no documents' }] });
  if (entries.length > MAX_DOCUMENTS_PER_MANIFEST) {
    const message = `at most ${MAX_DOCUMENTS_PER_MANIFEST} documents per manifest, got ${entries.length}`;
    throw badInput(`Invalid manifest: ${message}`, { problems: [{ documentId: null, message }] });
  }
  const apollo = isRecord(manifest) && 'format' in manifest;
  const problems: ManifestProblem[] = [];
  const documents = new Map<string, ManifestDocument>();
  for (const entry of entries) {
    const checked = checkEntry(entry, schema, apollo);
    if (typeof checked === 'string') problems.push({ documentId: describeId(entry.id), message: checked });
    else if (documents.has(checked.documentId)) problems.push({ documentId: checked.documentId, message: 'the id appears more than once' });
    else documents.set(checked.documentId, checked);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => `${p.documentId ?? '(no id)'}: ${p.message}`);
    const more = problems.length > PROBLEMS_IN_MESSAGE ? `; and ${problems.length - PROBLEMS_IN_MESSAGE} more` : '';
    throw badInput(`Invalid manifest, nothing was registered (${problems.length} problem${problems.length === 1 ? '' : 's'}): ${shown.join('; ')}${more}`, {
      problems,
    });
  }
  return [...documents.values()];
}
