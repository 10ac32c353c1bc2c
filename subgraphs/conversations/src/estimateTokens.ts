/** Length in Unicode code points, the unit of the API's text limits (an emoji counts once). */
export function characterCount(text: string): number {
  let characters = 0;
  for (const _ of text) characters += 1;
  return characters;
}

/**
 * Tokens a text counts for, estimated without a tokenizer: one token per four characters (Unicode
 * code points), rounded up — the usual rule of thumb for English with GPT-style BPE tokenizers.
 * The models subgraph reports exact counts for the completions it runs.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(characterCount(text) / 4);
}
