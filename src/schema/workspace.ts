// The schemas an editor reads, saved once in a cell's (or committee's) folder, and the `$schema` line that points there.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { findCommitteeFile } from '../source/committee.js';
import { makeDirs, writeAtomic } from '../render/write.js';
import type { DocumentKind } from '../model.js';
import { bundledSchemaText, cellctlVersion } from './bundle.js';
import { SCHEMA_FILES } from './validator.js';

/** Folder, under the workspace root, that holds one folder of schemas per cellctl version. */
export const SCHEMA_FOLDER = join('.cellctl', 'schemas');

/** A `yaml-language-server: $schema=…` comment line, with or without its `#`. */
export const SCHEMA_LINE = /^(#?)\s*yaml-language-server:\s*\$schema=\S*[^\S\r\n]*$/;

/**
 * Where the schemas of a cell's files are kept: the folder of the nearest committee.yaml at or above
 * `dir` (one copy for all its cells), else `dir` itself.
 */
export function workspaceRoot(dir: string): string {
  const committee = findCommitteeFile(dir);
  return committee ? dirname(committee) : dir;
}

/** The folder of this cellctl's schemas under a workspace root. */
export function schemaDir(root: string): string {
  return join(root, SCHEMA_FOLDER, cellctlVersion());
}

/**
 * The `$schema` comment (without its `#`) for a file of `kind` written at `file`: a relative path to the
 * schema of this cellctl version under `root`, with forward slashes (an editor reads it on any system).
 */
export function schemaComment(kind: DocumentKind, file: string, root: string): string {
  const path = relative(dirname(file), join(schemaDir(root), SCHEMA_FILES[kind])).split(sep).join('/');
  return ` yaml-language-server: $schema=${path}`;
}

/**
 * Save this version's self-contained schemas under `root` (one per document kind), each only when it is
 * missing or differs: the folder is cellctl's own, written atomically. Returns the files written.
 */
export function writeWorkspaceSchemas(root: string): string[] {
  const dir = schemaDir(root);
  makeDirs(dir);
  const written: string[] = [];
  for (const [kind, file] of Object.entries(SCHEMA_FILES)) {
    const path = join(dir, file);
    const text = bundledSchemaText(kind as DocumentKind);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeAtomic(path, Buffer.from(text, 'utf8'), true);
    written.push(path);
  }
  return written;
}

/**
 * `text` with its `$schema` line set to `comment` (as schemaComment gives it): an older line (another
 * version, an unpkg address, a path into a cellctl checkout) is replaced in place, a missing one added on top.
 */
export function withSchemaLine(text: string, comment: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const end = body.search(/\r?\n|$/);
  const first = body.slice(0, end);
  if (SCHEMA_LINE.test(first)) return `${bom}#${comment}${body.slice(end)}`;
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  return `${bom}#${comment}${eol}${body}`;
}

/**
 * The `$schema` comment of a file of `kind` where cellctl puts it in a cell folder that holds its own
 * schemas (cell.yaml and plans at the top, records in meetings/), for text made before its place is known.
 */
export function defaultSchemaComment(kind: DocumentKind): string {
  const root = join(sep, 'cell');
  return schemaComment(kind, join(root, kind === 'meeting' ? 'meetings' : '', 'file.yaml'), root);
}
