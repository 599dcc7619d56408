import type { AuthError } from '@fx-auth/core';

/** What to tell a person about a failed login. */
export function errorMessage(error: AuthError): string {
  switch (error.code) {
    case 'invalid_credentials':
      return 'Wrong username or password.';
    case 'network':
      return 'The server cannot be reached. Check your connection and try again.';
    case 'timeout':
      return 'The server did not answer in time. Try again.';
    case 'invalid_response':
      return 'The server sent an answer that could not be read. Try again later.';
    case 'server':
      return `The server had a problem${error.status ? ` (HTTP ${error.status})` : ''}. Try again later.`;
    case 'invalid_client':
      return 'This application is not allowed to log in (its client id or secret was rejected).';
    case 'session_expired':
      return 'Your session has expired. Please log in again.';
    case 'no_session':
      return 'The login was cancelled.';
    case 'invalid_request':
    case 'invalid_grant':
    case 'unauthorized_client':
    case 'unsupported_grant_type':
    case 'invalid_scope':
    case 'invalid_options':
      return 'This application is misconfigured and cannot log in. Please tell its support.';
  }
}
