import type { DialogFlow } from './DialogFlow.ts';
import { compilePattern } from './DialogFlow.ts';
import type { ChatMessage } from './ProviderClient.ts';

export interface DialogMatch {
  /** The recognised intent, or null when the fallback reply answers. */
  intent: string | null;
  reply: string;
}

export type DialogMatcher = (messages: readonly ChatMessage[]) => DialogMatch;

/** Only this much of a message is matched: bounds the work any pattern can do on hostile input. */
export const maxMatchedCharacters = 2000;

/**
 * Compiles a (validated) flow once into a matcher for the last USER message. The intent with the
 * most matching patterns wins; a tie goes to the intent listed first. So "Hi, where is my order?"
 * is about the order (two order patterns beat one greeting), whatever order the intents are in.
 */
export function compileDialogFlow(flow: DialogFlow): DialogMatcher {
  const intents = flow.intents.map((intent) => ({ name: intent.name, reply: intent.reply, patterns: intent.patterns.map(compilePattern) }));
  return (messages) => {
    const last = messages.findLast((message) => message.role === 'USER');
    if (!last) return { intent: null, reply: flow.fallbackReply };
    const text = last.content.slice(0, maxMatchedCharacters);
    let best: { name: string; reply: string; score: number } | null = null;
    for (const intent of intents) {
      const score = intent.patterns.filter((pattern) => pattern.test(text)).length;
      if (score > 0 && (!best || score > best.score)) best = { name: intent.name, reply: intent.reply, score };
    }
    return best ? { intent: best.name, reply: best.reply } : { intent: null, reply: flow.fallbackReply };
  };
}

/** Splits a reply into word pieces (each with the whitespace after it) whose concatenation is the reply. */
export function splitIntoWords(reply: string): string[] {
  return reply.match(/\s*\S+\s*/g) ?? (reply.length > 0 ? [reply] : []);
}
