// The client's calls for assignments and certificates (issue 15), beside the ApiClient (api.ts):
// the same base URL, the same errors (ApiError, with the server's code).
import { ApiError, type ApiClient } from './api.js';
import type { Assignment, AssignmentBoard, AssignmentRequest, CertificateView, MemberProgress, MyAssignments } from './assignmentTypes.js';
import type { ErrorBody, Identity } from './types.js';

export interface AssignmentsApi {
  /** Each open assignment of the team with every member's progress (the team page). */
  board(code: string): Promise<AssignmentBoard>;
  /** The signed-in member's open assignments (the picker). */
  mine(identity: Identity): Promise<MyAssignments>;
  /** A certificate by its code; 404 "unknown-certificate", 410 "certificate-expired" (with `expiredAt`). */
  certificate(code: string): Promise<CertificateView>;
  create(trainerToken: string, code: string, request: AssignmentRequest): Promise<Assignment>;
  change(trainerToken: string, code: string, id: number, change: Partial<AssignmentRequest> & { archived?: boolean }): Promise<Assignment>;
  /** Another round for a member who has not passed: it starts now. */
  newRound(trainerToken: string, code: string, id: number, playerId: number): Promise<MemberProgress>;
  /** Every call the server can assign (the trainer's form). */
  calls(trainerToken: string): Promise<{ calls: { id: string; title: string }[] }>;
  /** The CSV: one line per member, assignment and call. */
  exportCsv(trainerToken: string, code: string): Promise<string>;
}

/** Why a certificate could not be shown, with the date it expired on when that is why. */
export class CertificateError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly expiredAt: string | null,
  ) {
    super(status, code, message);
  }
}

export function assignmentsApi(client: Pick<ApiClient, 'baseUrl'>, doFetch: typeof fetch = (i, o) => fetch(i, o)): AssignmentsApi {
  const enc = encodeURIComponent;
  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    let res: Response;
    try {
      res = await doFetch(`${client.baseUrl}/api${path}`, {
        method,
        headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
        body: body === undefined ? null : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'unreachable', 'The server cannot be reached.');
    }
    if (res.ok) return res;
    let err: (ErrorBody['error'] & { expiredAt?: string }) | undefined;
    try {
      err = ((await res.json()) as ErrorBody).error;
    } catch {
      // not the API's error shape: the status says it
    }
    throw new CertificateError(res.status, err?.code ?? 'bad-response', err?.message ?? `The server answered ${res.status}.`, err?.expiredAt ?? null);
  }
  const json = async <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> => (await send(method, path, body, headers)).json() as Promise<T>;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  return {
    board: (code) => json('GET', `/teams/${enc(code)}/assignments`),
    mine: (identity) => json('GET', `/teams/${enc(identity.team.code)}/me/assignments`, undefined, { 'x-player-token': identity.token }),
    certificate: (code) => json('GET', `/certificates/${enc(code)}`),
    create: (token, code, request) => json('POST', `/teams/${enc(code)}/assignments`, request, bearer(token)),
    change: (token, code, id, change) => json('PATCH', `/teams/${enc(code)}/assignments/${id}`, change, bearer(token)),
    calls: (token) => json('GET', '/assignment-calls', undefined, bearer(token)),
    newRound: (token, code, id, playerId) => json('POST', `/teams/${enc(code)}/assignments/${id}/rounds`, { playerId }, bearer(token)),
    exportCsv: async (token, code) => (await send('GET', `/teams/${enc(code)}/assignments.csv`, undefined, bearer(token))).text(),
  };
}

/** A certificate's code as printed: groups of four, upper case. */
export const groupedCode = (code: string): string => code.toUpperCase().match(/.{1,4}/g)?.join(' ') ?? code;
