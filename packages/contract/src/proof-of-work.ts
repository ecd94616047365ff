/** The proof of work a client sends after repeated attempts, and the challenge it solves (server app/proof-of-work.ts). */
import { Type, type Static } from 'typebox';

export const ProofBody = Type.Object(
  {
    challenge: Type.String({ minLength: 1, maxLength: 200, description: 'As given by the proof-of-work route' }),
    nonce: Type.String({ minLength: 1, maxLength: 64, description: 'Any text whose SHA-256 of "challenge:nonce" starts with the asked number of zero bits' }),
  },
  { additionalProperties: false, description: 'Needed only after an answer proof_of_work.required (429)' },
);
export type ProofBody = Static<typeof ProofBody>;

export const ProofChallenge = Type.Object({
  challenge: Type.String(),
  bits: Type.Integer({ description: 'Leading zero bits the SHA-256 of "challenge:nonce" must have; 0: no proof needed now' }),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type ProofChallenge = Static<typeof ProofChallenge>;
