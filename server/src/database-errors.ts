/**
 * Tells "the database cannot be reached" apart from every other failure, so that an outage
 * answers 503 (try again) rather than 500 (a bug).
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // SQLSTATE class 08 (connection exception) and 57P0x (server shutting down / starting up)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

// pg raises these connection-level failures without a code; their text is the only sign.
const UNREACHABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'PGlite instance is already closed',
  'PGlite is closed',
  'driver has already been destroyed',
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message, errors } = current as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.some((m) => message.includes(m))) return true;
    // AggregateError from a connection attempt to several addresses (IPv4 and IPv6)
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** SQLSTATE 23505: a unique constraint refused the row. */
export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';
/** SQLSTATE 23503: a foreign key refused the row (an unknown code, a referenced row). */
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === '23503';
/**
 * SQLSTATE 22021 (a NUL in text: not valid in the encoding) or 22P05 (`\u0000` in jsonb): a
 * character the database cannot store. The shared text rule refuses these first; should one still
 * reach PostgreSQL, the request is at fault (a 400), not the server.
 */
export const isUnstorableCharacter = (error: unknown) => ['22021', '22P05'].includes(sqlState(error) ?? '');
/**
 * SQLSTATE 40001 (serialisation failure) or 40P01 (deadlock): the transaction lost a race with
 * another one and was rolled back whole; the same request tried again will most likely pass.
 */
export const isTransactionConflict = (error: unknown) => ['40001', '40P01'].includes(sqlState(error) ?? '');

/** Runs an insert; a row a unique constraint refuses (a code or a year already taken) is `taken()` instead. */
export async function insertUnique<T>(insert: () => Promise<T>, taken: () => Error): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
