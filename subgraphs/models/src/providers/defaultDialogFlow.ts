import type { DialogFlow } from './DialogFlow.ts';

/**
 * The demo tenant's flow, and the one the built-in engine uses when a tenant has none stored. It
 * answers the seeded conversations ("Where is my order?", "Moving to annual billing") sensibly.
 * The greeting comes last: on a tie ("Hi, …") the substantive intent answers.
 */
export const defaultDialogFlow: DialogFlow = Object.freeze({
  intents: [
    {
      name: 'order_status',
      patterns: [
        'order',
        'ordered',
        'tracking',
        'track',
        'delivery',
        'delivered',
        'parcel',
        'package',
        'carrier',
        '/\\bship(s|ped|ping|ment)?\\b/',
        '/#\\s?\\d{3,}/',
      ],
      reply:
        'Thanks for checking in on your order. Orders usually ship within two business days, and the tracking page ' +
        'can take up to 48 hours to update once the carrier has the parcel. If it has not changed for three days, ' +
        'I can open a trace with the carrier: confirm your order number and I will take it from there.',
    },
    {
      name: 'billing',
      patterns: [
        'billing',
        'bill',
        'invoice',
        'annual',
        'annually',
        'yearly',
        'monthly',
        'plan',
        'pricing',
        'price',
        'discount',
        'nonprofit',
        'nonprofits',
        'non-profit',
        'subscription',
        'switch',
        'upgrade',
        'downgrade',
        'seats',
      ],
      reply:
        'Happy to help with billing. Annual billing costs the same as ten months of monthly billing and covers every ' +
        'seat on your team. Your plan, data and integrations stay exactly as they are when you switch. Nonprofits ' +
        'get a further discount: reply with your registration details and we will apply it to the annual invoice.',
    },
    {
      name: 'human_handoff',
      patterns: [
        'human',
        'person',
        'agent',
        'representative',
        'someone',
        'operator',
        'escalate',
        'speak to',
        'talk to',
      ],
      reply:
        'Of course. I am handing this conversation to a member of our support team; they will reply here, ' +
        'usually within one business hour.',
    },
    {
      name: 'thanks',
      patterns: ['thanks', 'thank you', 'thx', 'cheers', 'appreciate it', 'much appreciated'],
      reply: 'You are welcome! Is there anything else I can help you with?',
    },
    {
      name: 'greeting',
      patterns: ['hi', 'hello', 'hey', 'good morning', 'good afternoon', 'good evening'],
      reply:
        'Hello! I am the virtual assistant. I can help with orders and deliveries, billing and plans, or put you ' +
        'in touch with a person. What can I do for you?',
    },
  ],
  fallbackReply:
    'I am not sure I understood that. I can help with orders and deliveries, billing and plans, or hand you ' +
    'over to a person. Could you tell me a little more?',
});
