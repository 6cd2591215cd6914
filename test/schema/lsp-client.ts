// A small Language Server Protocol client (JSON-RPC over stdio) that drives the real yaml-language-server.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One diagnostic as the server publishes it. */
export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

/** The settings a VS Code user with the YAML extension has, offline: no schema store, validation and hover on. */
const SETTINGS = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, format: { enable: false } }, http: {} };

/** A running yaml-language-server, with a document store on the client side. */
export class YamlLanguageServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];
  /** Everything the server wrote to stderr (its crash text, if any). */
  stderr = '';

  constructor() {
    const pkg = createRequire(import.meta.url).resolve('yaml-language-server/package.json');
    const bin = join(dirname(pkg), 'bin', 'yaml-language-server');
    // No network: any attempt to fetch a schema over http fails at once rather than resolving.
    this.child = spawn(process.execPath, [bin, '--stdio'], {
      env: { PATH: process.env.PATH ?? '', HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9' },
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.method === undefined && message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result);
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      for (const w of this.waiters.filter((x) => x.uri === uri)) w.resolve(diagnostics);
      this.waiters.splice(0, this.waiters.length, ...this.waiters.filter((x) => x.uri !== uri));
      return;
    }
    // Requests from the server: its settings when asked for them, an empty answer to anything else.
    if (message.id !== undefined) {
      const result = message.method === 'workspace/configuration'
        ? ((message.params as { items: { section?: string }[] }).items.map((i) => (i.section ? (SETTINGS as Record<string, unknown>)[i.section] ?? null : SETTINGS)))
        : null;
      this.send({ id: message.id, result });
    }
  }

  /** Send a request and wait for its answer. */
  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** Send a notification. */
  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** Initialise the server for a workspace folder, with the settings of an offline editor. */
  async start(folder: string): Promise<void> {
    const uri = pathToFileURL(folder).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'cell' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          publishDiagnostics: {},
        },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
  }

  /** Open a file's text and wait for the diagnostics the server publishes for it. */
  open(path: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path).href;
    const published = new Promise<Diagnostic[]>((resolve) => this.waiters.push({ uri, resolve }));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return published;
  }

  /** The hover text at a position (0-based line and character), markdown or plain. */
  async hover(path: string, line: number, character: number): Promise<string> {
    const result = await this.request<{ contents: { value: string } | string } | null>('textDocument/hover', {
      textDocument: { uri: pathToFileURL(path).href },
      position: { line, character },
    });
    if (!result) return '';
    return typeof result.contents === 'string' ? result.contents : result.contents.value;
  }

  /** The completion items at a position, with their documentation as text. */
  async complete(path: string, line: number, character: number): Promise<{ label: string; documentation: string }[]> {
    const result = await this.request<{ items: { label: string; documentation?: string | { value: string } }[] } | null>('textDocument/completion', {
      textDocument: { uri: pathToFileURL(path).href },
      position: { line, character },
    });
    return (result?.items ?? []).map((i) => ({
      label: i.label,
      documentation: typeof i.documentation === 'string' ? i.documentation : i.documentation?.value ?? '',
    }));
  }

  /** Shut the server down and wait for it to exit. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    await exited;
  }
}
