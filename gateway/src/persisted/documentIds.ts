import { createHash } from 'node:crypto';

/** The SHA-256 (hex) of a document's text: its id in every manifest format and in APQ. */
export const documentHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** `sha256:<hex>` and bare hex are the same id; ids compare lowercased and bare. */
export const normalizeDocumentId = (id: string) => id.trim().replace(/^sha256:/i, '').toLowerCase();
