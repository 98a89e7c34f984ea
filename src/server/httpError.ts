// Errors the API answers with: a status, a stable code and a sentence for whoever can fix it, and
// now and then a few named values the client shows in its own words (e.g. the name a new one looks like).
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new HttpError(404, 'not-found', `${what} not found`);
