import { readTokenAnswer, type FailureClassifier } from '../http/readTokenAnswer.js';
import { sendTokenRequest, type TokenRequest, type TokenTransport } from '../http/sendTokenRequest.js';
import { toTokenGrant, type TokenGrant } from '../http/toTokenGrant.js';
import type { TokenResponse } from '../http/tokenResponseSchema.js';

/** Sends a token request and returns the validated response with its grant, or throws an `AuthError`. */
export async function exchangeToken(
  transport: TokenTransport,
  request: TokenRequest,
  classify: FailureClassifier,
): Promise<{ response: TokenResponse; grant: TokenGrant }> {
  const requestedAt = Date.now();
  const answer = await sendTokenRequest(transport, request);
  const response = readTokenAnswer(answer, classify);
  return { response, grant: toTokenGrant(response, requestedAt, Date.now()) };
}
