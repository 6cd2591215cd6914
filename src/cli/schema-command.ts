// `cellctl schema [name]`: print a shipped JSON Schema, e.g. to save beside a cell for an editor.
import { SCHEMA_NAMES, schemaText } from '../schema/validator.js';
import { EXIT_FAILURE, EXIT_OK } from './exit.js';
import type { CliIo } from './io.js';

/** Print the schema; an unknown name is a usage error. */
export function runSchema(name: string, io: CliIo): number {
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
    io.stderr.write(`cellctl: không có lược đồ “${name}” (unknown schema); chọn một trong: ${SCHEMA_NAMES.join(', ')}\n`);
    return EXIT_FAILURE;
  }
  io.stdout.write(schemaText(name as (typeof SCHEMA_NAMES)[number]));
  return EXIT_OK;
}
