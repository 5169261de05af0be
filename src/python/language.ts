import type { File, Language, OkParseResult, ParseResult, SourceLocation } from '@eslint/core';
import { TextSourceCodeBase, VisitNodeStep, type Directive } from '@eslint/plugin-kit';
import { disableDirectives } from '../rule-kit/directives.js';
import { parsePython, pythonParserError, type PyParseError } from './parser.js';
import { locOf, type PyModule, type PyNode } from './tree.js';


/** Where a Python module's recovered syntax errors wait for its SourceCode (a parse result carries only the tree). */
const recovered = new WeakMap<PyModule, PyParseError[]>();

/**
 * Python rules are module-level analyses over the shared Python model (src/python/model): they listen to `module`
 * alone, and the traversal visits only it, so ESLint spends nothing per node (the rule kit types Python listeners
 * that way).
 */
const VISITOR_KEYS: Record<string, string[]> = { module: [] };

/** ESLint SourceCode for Python: the tree, its `#` comments, `eslint-disable` directives and recovered syntax errors. */
export class PythonSourceCode extends TextSourceCodeBase<{
  LangOptions: Record<string, unknown>;
  RootNode: PyModule;
  SyntaxElementWithLoc: PyNode;
  ConfigNode: PyNode;
}> {
  readonly visitorKeys = VISITOR_KEYS;
  readonly comments: PyNode[];

  constructor({ text, ast }: { text: string; ast: PyModule }) {
    // Line breaks as Python counts them (\n, \r\n, \r), so locations agree with the tree's.
    super({ text, ast, lineEndingPattern: /\r\n|[\r\n]/u });
    this.comments = ast.comments;
  }

  override getLoc(node: PyNode): SourceLocation {
    return locOf(this.ast, node);
  }

  override getRange(node: PyNode): [number, number] {
    return node.range;
  }

  /**
   * `# eslint-disable-next-line mcp-audit/<rule> -- reason` as in JS; and the syntax errors tree-sitter recovered
   * from, as problems (the rest of the file is still analysed; the engine turns them into parse-error diagnostics).
   */
  getDisableDirectives(): { directives: Directive[]; problems: Array<{ ruleId: null; message: string; loc: SourceLocation }> } {
    // a `#` comment is one line
    const directives = disableDirectives(this.comments, (c) => c.text!.slice(1), () => true);
    const problems = (recovered.get(this.ast) ?? []).map((e) => {
      const start = { line: e.line, column: e.column - 1 };
      return { ruleId: null, message: e.message, loc: { start, end: start } };
    });
    return { directives, problems };
  }

  override *traverse(): Iterable<VisitNodeStep> {
    yield new VisitNodeStep({ target: this.ast, phase: 1, args: [this.ast, null] });
    yield new VisitNodeStep({ target: this.ast, phase: 2, args: [this.ast, null] });
  }
}

/** The `mcp-audit/python` language, modelled on src/config-language/language.ts. `parse()` never throws. */
export const pythonLanguage: Language<{
  LangOptions: Record<string, unknown>;
  Code: PythonSourceCode;
  RootNode: PyModule;
  Node: PyNode;
}> = {
  fileType: 'text',
  lineStart: 1,
  columnStart: 0,
  nodeTypeKey: 'type',
  visitorKeys: VISITOR_KEYS,
  validateLanguageOptions() {},

  parse(file: File): ParseResult<PyModule> {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    let result: ReturnType<typeof parsePython>;
    try {
      result = parsePython(text);
    } catch (e) {
      return { ok: false, errors: [{ message: `Python parser failed: ${e instanceof Error ? e.message : String(e)}`, line: 1, column: 1 }] };
    }
    if (!result) return { ok: false, errors: [{ message: `Python parser unavailable: ${pythonParserError()}`, line: 1, column: 1 }] };
    if (result.errors.length) recovered.set(result.module, result.errors);
    return { ok: true, ast: result.module };
  },

  createSourceCode(file: File, input: OkParseResult<PyModule>): PythonSourceCode {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return new PythonSourceCode({ text, ast: input.ast });
  },
};
