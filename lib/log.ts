import { currentRequestId, isRequestId } from './request-id';

/**
 * The app's logger: one JSON line per event, `{ time, level, event, requestId, ...fields }`, on stdout (info)
 * or stderr (warn, error), in the Node.js and Edge runtimes alike. It prints only the fields named in
 * {@link FIELDS}, each checked against the shape of its kind (a code is words, a class name PascalCase…), so a
 * token, an authorization code, a cookie, a header or anything about a beneficiary (name, birth date, patient
 * id, claims) has no field to go into: an unknown field is dropped and counted, a value that does not fit its
 * kind prints as `[redacted]`. An error prints as its class and code, never its message or stack. The
 * correlation id is the request's (lib/request-id.ts), looked up when not given (`requestId: null` outside a
 * request). docs/security.md explains the choices.
 */

type Kind = 'requestId' | 'route' | 'code' | 'className' | 'method' | 'file' | 'digest' | 'number' | 'text';

const FIELDS = {
  requestId: 'requestId',
  /** A request path, with every segment that could be an id replaced by `:id` and no query string. */
  route: 'route',
  method: 'method',
  status: 'number',
  durationMs: 'number',
  count: 'number',
  attempts: 'number',
  /** What was being done: `sign-out`, `disconnect`… */
  action: 'code',
  reason: 'code',
  errorClass: 'className',
  errorCode: 'code',
  fault: 'code',
  operation: 'code',
  upstreamStatus: 'number',
  /** The reference `error.tsx` shows: Next's digest of a render error, or a correlation id. */
  digest: 'digest',
  /** Where an error happened, in Next.js's words (`render`, `route`…). */
  source: 'code',
  file: 'file',
  /** Why the configuration was refused: the code's own words, naming a setting, never its value. */
  configProblem: 'text',
} as const satisfies Record<string, Kind>;

type FieldName = keyof typeof FIELDS;
type FieldValue = string | number | null | undefined;

/** The fields of an event; `error` prints as `errorClass`, `errorCode`, `fault`, `operation`, `upstreamStatus`. */
export type LogFields = Partial<Record<FieldName, FieldValue>> & { error?: unknown };

export type LogLevel = 'info' | 'warn' | 'error';

export const REDACTED = '[redacted]';

/** What each kind of value must look like: codes and names from the code itself, never data. */
const SHAPES: Partial<Record<Kind, RegExp>> = {
  code: /^[A-Za-z][A-Za-z_-]{0,47}$/,
  className: /^[A-Z][A-Za-z]{0,47}$/,
  method: /^[A-Z]{3,7}$/,
  file: /^[a-z][a-z0-9_-]{0,47}(\.[a-z0-9]{1,8}){1,2}$/,
  digest: /^(\d{1,10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
};

const TOKEN_RUN = /[\w+/=-]{8,}/g;
const SECRETISH =
  /\b(bearer|basic)\s+\S{8,}|eyJ[\w-]{8,}|(token|code|secret|password)=\S|\d{6,}|\d{4}-\d\d-\d\d/i;

/** A run of letters mixed with digits (keys, tokens, codes, Medicare numbers), a long number (ids) or a date. */
function looksSecret(value: string): boolean {
  if (SECRETISH.test(value)) return true;
  return (value.match(TOKEN_RUN) ?? []).some((run) => /\d.*\d/.test(run) && /[A-Za-z]/.test(run));
}

/** A path with only the segments that name a route kept: lowercase words, not ids, not search terms. */
export function routeOf(path: string): string {
  const pathname = path.split(/[?#]/)[0] ?? '';
  return pathname
    .split('/')
    .map((s) => (s === '' || (/^[a-z][a-z-]{0,39}$/.test(s) && !s.includes('--')) ? s : ':id'))
    .join('/')
    .slice(0, 200);
}

function clean(kind: Kind, value: FieldValue): FieldValue {
  if (value === null || value === undefined) return value;
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : REDACTED;
  if (typeof value !== 'string') return REDACTED;
  if (kind === 'requestId') return isRequestId(value) ? value : REDACTED;
  if (kind === 'route') return routeOf(value);
  if (kind === 'text') {
    const text = value.replace(/[^\x20-\x7e]/g, ' ').slice(0, 300);
    return looksSecret(text) ? REDACTED : text;
  }
  return SHAPES[kind]?.test(value) ? value : REDACTED;
}

/** The class, code and diagnosis fields of an error: never its message, stack or cause. */
function errorFields(error: unknown): LogFields {
  if (typeof error !== 'object' || error === null) return { errorClass: 'NotAnError' };
  const e = error as { name?: unknown; code?: unknown; detail?: Record<string, unknown> };
  const appError = e.name === 'AppError';
  const detail = appError && typeof e.detail === 'object' && e.detail ? e.detail : {};
  return {
    errorClass: typeof e.name === 'string' ? e.name : 'Error',
    ...(appError && typeof e.code === 'string' ? { errorCode: e.code } : {}),
    ...(typeof detail.fault === 'string' ? { fault: detail.fault } : {}),
    ...(typeof detail.operation === 'string' ? { operation: detail.operation } : {}),
    ...(typeof detail.upstreamStatus === 'number' ? { upstreamStatus: detail.upstreamStatus } : {}),
  };
}

/** The record printed for an event (without the time); exported for tests. */
export function logRecord(level: LogLevel, event: string, fields: LogFields = {}): Record<string, unknown> {
  const { error, ...rest } = fields as Record<string, unknown>;
  const all = { ...rest, ...(error === undefined ? {} : errorFields(error)) };
  const record: Record<string, unknown> = {
    level,
    event: /^[a-z][\w.-]{0,63}$/.test(event) ? event : 'invalid_event_name',
  };
  let dropped = 0;
  for (const [name, value] of Object.entries(all)) {
    const kind = (FIELDS as Record<string, Kind>)[name];
    if (!kind) dropped += 1;
    else if (value !== undefined) record[name] = clean(kind, value as FieldValue);
  }
  if (dropped) record.droppedFields = dropped;
  return record;
}

function write(level: LogLevel, record: Record<string, unknown>) {
  const line = JSON.stringify(record);
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

function emit(level: LogLevel, event: string, fields?: LogFields) {
  const { level: l, event: e, ...rest } = logRecord(level, event, fields);
  const head = { time: new Date().toISOString(), level: l, event: e };
  if (fields?.requestId !== undefined) {
    write(level, { ...head, ...rest });
    return;
  }
  void currentRequestId().then((requestId) => write(level, { ...head, requestId, ...rest }));
}

/** Writes an event: `log.error('api.failed', { requestId, route, error })`. */
export const log = {
  info: (event: string, fields?: LogFields) => emit('info', event, fields),
  warn: (event: string, fields?: LogFields) => emit('warn', event, fields),
  error: (event: string, fields?: LogFields) => emit('error', event, fields),
};
