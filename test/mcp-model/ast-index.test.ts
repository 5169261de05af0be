// The model walks each AST once: the node index and the module's symbol index are built on first use and shared by
// every later caller (every rule, every registration). A rebuild per call made scans quadratic.
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { astIndex, nodesOf, walk, type Node } from '../../src/mcp-model/ast.js';
import { moduleIndex } from '../../src/mcp-model/module-index.js';

const CODE = `import { exec } from 'node:child_process';
const run = (cmd) => exec(cmd);
function helper() { return run('ls'); }
server.registerTool('t', {}, async () => helper());`;

function program(code = CODE): TSESTree.Program {
  return parse(code, { loc: true, range: true, sourceType: 'module', ecmaVersion: 'latest' }) as TSESTree.Program;
}

describe('AST index', () => {
  it('is built once per AST and shared', () => {
    const ast = program();
    expect(astIndex(ast)).toBe(astIndex(ast));
    expect(moduleIndex(ast)).toBe(moduleIndex(ast));
  });

  it('lists nodes in source order, as a walk would visit them', () => {
    const ast = program();
    const walked: Node[] = [];
    walk(ast, (n) => void walked.push(n));
    expect(astIndex(ast).all).toEqual(walked);
    const calls = nodesOf(ast, 'CallExpression').map((c) => c.loc.start.line);
    expect(calls).toEqual([2, 3, 4, 4]);
    expect(nodesOf(ast, 'FunctionDeclaration', 'VariableDeclarator').map((n) => n.type)).toEqual(['VariableDeclarator', 'FunctionDeclaration']);
  });

  it('sets parent links on parsed ASTs', () => {
    const ast = program();
    const call = nodesOf(ast, 'CallExpression')[0];
    expect(call.parent?.type).toBe('ArrowFunctionExpression');
  });
});
