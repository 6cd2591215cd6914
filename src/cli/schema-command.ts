// `cellctl schema [name]`: print a shipped JSON Schema, self-contained, e.g. to save beside a file for an editor.
import { bundledSchemaText } from '../schema/bundle.js';
import { SCHEMA_NAMES, type SchemaName } from '../schema/validator.js';
import { EXIT_FAILURE, EXIT_OK } from './exit.js';
import type { CliIo } from './io.js';

/** Print the schema with the shared definitions it uses copied in; an unknown name is a usage error. */
export function runSchema(name: string, io: CliIo): number {
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
    io.stderr.write(`cellctl: không có lược đồ “${name}” (unknown schema); chọn một trong: ${SCHEMA_NAMES.join(', ')}\n`);
    return EXIT_FAILURE;
  }
  io.stdout.write(bundledSchemaText(name as SchemaName));
  return EXIT_OK;
}
