/**
 * A problem with one input (file, URL, record) that the user can act on.
 * `message` is the human reason alone ("empty file"); `input` names the input,
 * so callers can report `${input}: ${message}` and carry on with the rest.
 */
export class InputError extends Error {
  override name = 'InputError';

  constructor(
    readonly input: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(reason, options);
  }
}
