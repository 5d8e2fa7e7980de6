import { z } from 'zod';
import { moneySchema, moneyStringSchema } from './money';
import { freeText } from './text.schema';

/**
 * `{"2027": "1200.00", "2028": "1250.00"}` — keys are the cycle's fiscal years, values decimal
 * strings. A missing year means 0.
 */
export const amountsInputSchema = z.record(z.string().regex(/^\d{4}$/, 'fiscalYear.format'), moneyStringSchema);
/** The same in an answer: every fiscal year of the cycle, two decimals each. */
export const amountsSchema = z.record(z.string(), moneySchema);
export type Amounts = z.infer<typeof amountsSchema>;

/**
 * The stages of an item's figures (DESIGN §10): what the institution requested, what ITC
 * proposes, what the council adopted (frozen at approval) and the current budget (adopted, then
 * moved by amendments).
 */
export const STAGES = ['request', 'proposal', 'adopted', 'current'] as const;
export type Stage = (typeof STAGES)[number];

/** Why ITC's proposal differs from the request; `other` needs a comment. */
export const PROPOSAL_REASON_CODES = [
  'not_justified',
  'duplicate',
  'price_updated',
  'deferred',
  'scope_reduced',
  'policy_cut',
  'reallocated',
  'other',
] as const;
export type ProposalReasonCode = (typeof PROPOSAL_REASON_CODES)[number];

/**
 * `PUT /api/line-items/:id/proposal`: the amounts ITC proposes (the years named; a year not named
 * keeps its proposal, or the request's figure when there is none yet), why, and a comment —
 * required with `other`.
 */
export const proposalInputSchema = z
  .strictObject({
    amounts: amountsInputSchema,
    reasonCode: z.enum(PROPOSAL_REASON_CODES),
    comment: freeText().trim().max(5000).optional(),
  })
  .superRefine((input, context) => {
    if (input.reasonCode === 'other' && !input.comment) {
      context.addIssue({ code: 'custom', path: ['comment'], message: 'proposal.commentRequired' });
    }
  });
export type ProposalInput = z.infer<typeof proposalInputSchema>;

/** Every stage of an item: `{ "<year>": "<amount>" }` for each fiscal year, or null while not reached. */
export const stagesSchema = z.object({
  request: amountsSchema,
  proposal: amountsSchema.nullable(),
  adopted: amountsSchema.nullable(),
  current: amountsSchema.nullable(),
  /** Why ITC proposes what it does; null until it proposes. */
  proposalReason: z.object({ reasonCode: z.enum(PROPOSAL_REASON_CODES), comment: z.string() }).nullable(),
});
export type Stages = z.infer<typeof stagesSchema>;
