// A tiny typed fetch wrapper for the Pulang API. Every error answer has the shape
// {"error":{"code","message","fields"?,"current"?}} and is thrown as an ApiError.

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    /** For 409 version_conflict: the record as it is now stored. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown, code?: string): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
}

const BASE = '/api/v1';

/** Called for every 401 `unauthorized` (session missing or expired) and 403 `totp_enrolment_required`. */
type Listener = (error: ApiError) => void;
const listeners = new Set<Listener>();
export function onAuthProblem(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

const statusCodes: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(withQuery(BASE + path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', 'The server could not be reached.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: unknown; message?: unknown; fields?: unknown; current?: unknown } } | undefined)?.error;
    const error = new ApiError(
      res.status,
      typeof err?.code === 'string' ? err.code : (statusCodes[res.status] ?? (res.status >= 500 ? 'server_error' : 'http_error')),
      typeof err?.message === 'string' ? err.message : res.statusText,
      err?.fields && typeof err.fields === 'object' ? (err.fields as FieldErrors) : undefined,
      err?.current,
    );
    if ((error.status === 401 && error.code === 'unauthorized') || error.code === 'totp_enrolment_required')
      for (const l of listeners) l(error);
    throw error;
  }
  return json as T;
}
