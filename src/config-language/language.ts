import type { File, Language, OkParseResult, ParseResult, SourceLocation } from '@eslint/core';
import { TextSourceCodeBase, VisitNodeStep, type Directive } from '@eslint/plugin-kit';
import { disableDirectives } from '../rule-kit/directives.js';
import { clientsForPath, formatForPath, type ClientSpec } from './clients.js';
import { parseConfig } from './parse.js';
import { getPath, LineIndex, VISITOR_KEYS, type ConfigComment, type ConfigDocument, type ConfigNode } from './tree.js';

type Element = ConfigNode | ConfigComment;


/** ESLint SourceCode for MCP client configs: the generic tree, its comments and `eslint-disable` directives. */
export class McpConfigSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: ConfigDocument;
  SyntaxElementWithLoc: Element;
  ConfigNode: ConfigComment;
}> {
  readonly visitorKeys = VISITOR_KEYS;
  readonly comments: ConfigComment[];

  constructor({ text, ast }: { text: string; ast: ConfigDocument }) {
    // Line breaks as the config parsers count them (a lone CR is one), so locations agree.
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.comments = ast.comments;
  }

  override getLoc(element: Element): SourceLocation {
    return element.loc;
  }

  override getRange(element: Element): [number, number] {
    return element.range;
  }

  getDisableDirectives(): { directives: Directive[]; problems: [] } {
    return { directives: disableDirectives(this.comments, (c) => c.value, (c) => c.loc.start.line === c.loc.end.line), problems: [] };
  }

  override *traverse(): Iterable<VisitNodeStep> {
    const visit = function* (node: ConfigNode, parent: ConfigNode | null): Generator<VisitNodeStep> {
      yield new VisitNodeStep({ target: node, phase: 1, args: [node, parent] });
      for (const key of VISITOR_KEYS[node.type] ?? []) {
        const child = (node as unknown as Record<string, ConfigNode | ConfigNode[] | null>)[key];
        for (const c of Array.isArray(child) ? child : child ? [child] : []) yield* visit(c, node);
      }
      yield new VisitNodeStep({ target: node, phase: 2, args: [node, parent] });
    };
    yield* visit(this.ast, null);
  }
}

/** The client a file is for: by path, and for generic file names by the presence of the client's servers key. */
function pickClient(candidates: ClientSpec[], body: ConfigDocument['body']): ClientSpec | null {
  return candidates.find((c) => !c.generic || (c.servers && getPath(body, c.servers))) ?? null;
}

function emptyDocument(text: string, format: ConfigDocument['format']): ConfigDocument {
  const lines = new LineIndex(text);
  return { type: 'ConfigDocument', format, client: null, body: null, comments: [], range: [0, text.length], loc: lines.loc(0, text.length) };
}

/**
 * The `mcp-audit/mcp-config` language, modelled on @eslint/json. Lines are 1-based and columns 0-based in the tree
 * (ESTree convention, the one createRule's finding records assume); ESLint reports 1-based columns. Parse errors
 * carry 1-based columns, as ESLint passes them through unchanged.
 */
export const mcpConfigLanguage: Language<{
  LangOptions: Record<string, unknown>;
  Code: McpConfigSourceCode;
  RootNode: ConfigDocument;
  Node: ConfigNode;
}> = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: 'type',
  visitorKeys: VISITOR_KEYS,
  validateLanguageOptions() {},

  parse(file: File): ParseResult<ConfigDocument> {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    const format = formatForPath(file.path);
    const candidates = clientsForPath(file.path);
    // A generic name (`config.yaml`) without any candidate's servers key is someone else's file: not even parsed.
    const relevant = candidates.filter((c) => !c.generic || (c.servers && text.includes(c.servers[c.servers.length - 1])));
    if (relevant.length === 0) return { ok: true, ast: emptyDocument(text, format) };
    const result = parseConfig(text, format);
    if (!result.ok) return { ok: false, errors: [result.error] };
    const lines = new LineIndex(text);
    const ast: ConfigDocument = {
      type: 'ConfigDocument',
      format,
      client: pickClient(relevant, result.body),
      body: result.body,
      comments: result.comments,
      range: [0, text.length],
      loc: lines.loc(0, text.length),
    };
    return { ok: true, ast };
  },

  createSourceCode(file: File, input: OkParseResult<ConfigDocument>): McpConfigSourceCode {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return new McpConfigSourceCode({ text, ast: input.ast });
  },
};
