export type Lang = "fi" | "sv" | "en";
export type Messages = Record<Lang, string>;

/**
 * Every refusal, over HTTP and over a socket alike: an HTTP status, a stable snake_case code, a
 * message in each language, details for the form (`fields`) and headers (Retry-After). REST
 * answers `{data: null, error: {status, name, message, details}}`; socket acks carry the same
 * error object.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Messages,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(messages.en);
  }

  /** The error as it leaves the server, in the reader's language. */
  toWire(lang: Lang) {
    return { status: this.status, name: this.code, message: this.messages[lang], details: this.details };
  }
}
