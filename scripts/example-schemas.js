// Maintenance (npm run examples:schemas, after a schema or version change): the examples get the `$schema` lines and saved schemas cellctl writes.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../dist/lint/collect.js';
import { schemaComment, SCHEMA_FOLDER, schemaDir, withSchemaLine, workspaceRoot, writeWorkspaceSchemas } from '../dist/schema/workspace.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

/** Every YAML file under a folder, skipping cellctl's own folder. */
function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === '.cellctl') return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

const roots = new Set();
for (const file of yamlFiles(EXAMPLES)) {
  // A record's cell is the folder above meetings/; anything else sits at its cell's (or committee's) top.
  const dir = join(file, '..');
  const root = workspaceRoot(dir.endsWith('meetings') ? join(dir, '..') : dir);
  roots.add(root);
  const text = readFileSync(file, 'utf8');
  const updated = withSchemaLine(text, schemaComment(classify(file), file, root));
  if (updated !== text) writeFileSync(file, updated);
}
for (const root of roots) {
  writeWorkspaceSchemas(root);
  // One version's copy only: the examples always point at the schemas of the cellctl beside them.
  for (const old of readdirSync(join(root, SCHEMA_FOLDER), { withFileTypes: true }).filter((e) => join(root, SCHEMA_FOLDER, e.name) !== schemaDir(root))) {
    rmSync(join(root, SCHEMA_FOLDER, old.name), { recursive: true });
  }
}
