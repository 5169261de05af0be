import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { parsePython } from '../../src/python/parser.js';
import { nodesOf, walk } from '../../src/python/tree.js';
import { PY_IDENTITY_SIGNALS, pyIdentitySignal } from '../../src/python/model/identity.js';
import { pyCtx } from '../../src/python/model/scope.js';
import { matchPySink, PY_SINKS } from '../../src/python/model/sinks.js';
import { SINKS } from '../../src/mcp-model/sinks.js';
import { pyToolRegistrations } from '../../src/python/model/tools.js';
import { withPythonParser } from './lint.js';

withPythonParser();

const parse = (code: string) => pyCtx(parsePython(code)!.module);

describe('the Python sink table', () => {
  it.each(PY_SINKS.map((s) => [s.id, s] as const))('%s: its example matches it', (_, def) => {
    const ctx = parse(def.example);
    const hits = nodesOf(ctx.module, 'call').map((c) => matchPySink(ctx, c)?.def.id);
    expect(hits).toContain(def.id);
  });

  it('uses only the categories of the JS table', () => {
    const categories = new Set(SINKS.map((s) => s.category));
    for (const s of PY_SINKS) expect(categories.has(s.category), s.id).toBe(true);
  });

  it('takes reading calls and a server\'s own files for no sink', () => {
    const ctx = parse(`import requests, os
requests.get(url)
requests.post(f"{BASE}/search", json=q)
repo.commit("HEAD")
session.commit()
open(path)
open(CACHE_FILE, "w")
os.remove("/tmp/lock")
client.chat.completions.create(model=m, messages=msgs)
CACHE_FILE = "/tmp/x.json"
`);
    expect(nodesOf(ctx.module, 'call').map((c) => matchPySink(ctx, c)?.def.id ?? null).filter(Boolean)).toEqual([]);
  });
});

describe('Python identity signals', () => {
  it.each(PY_IDENTITY_SIGNALS.map((s) => [s.id, s] as const))('%s: its example shows it', (_, signal) => {
    const { module } = parsePython(signal.example)!;
    const found: string[] = [];
    walk(module, (n) => {
      const s = pyIdentitySignal(n);
      if (s) found.push(s.id);
    });
    expect(found).toContain(signal.id);
  });

  it('does not take the MCP session or a client id argument for identity', () => {
    const { module } = parsePython('sid = ctx.session_id\nsession = ctx.session\nname = args["client"]\n')!;
    const found: string[] = [];
    walk(module, (n) => {
      if (pyIdentitySignal(n)) found.push(n.type);
    });
    expect(found).toEqual([]);
  });
});

describe('Python tool registrations', () => {
  it('reads names, kinds and annotations in every decorator shape', () => {
    const ctx = parse(`from mcp.server.fastmcp import FastMCP
from mcp.types import ToolAnnotations
mcp = FastMCP("x")

@mcp.tool()
def plain(): ...

@mcp.tool(name="renamed", annotations=ToolAnnotations(destructiveHint=True))
def other(): ...

@mcp.resource("notes://{id}")
def note(id: str): ...

@mcp.prompt()
def ask(): ...

mcp.add_tool(helper, name="added")
`);
    expect(pyToolRegistrations(ctx).map((r) => [r.name, r.kind, r.framework, r.annotations])).toEqual([
      ['plain', 'tool', 'py-sdk', {}],
      ['renamed', 'tool', 'py-sdk', { destructiveHint: true }],
      ['notes://{id}', 'resource', 'py-sdk', {}],
      ['ask', 'prompt', 'py-sdk', {}],
    ]);
  });

  it('does not take other libraries\' .tool() decorators for MCP tools', () => {
    const ctx = parse(`import typer\napp = typer.Typer()\n@app.command()\ndef go(): ...\n@agent.tool\ndef t(): ...\n`);
    expect(pyToolRegistrations(ctx)).toEqual([]);
  });
});

describe('Python rule implementations', () => {
  it('each has its test file and a Python example in its doc', () => {
    const tests = readdirSync('test/python/rules').map((f) => readFileSync(`test/python/rules/${f}`, 'utf8')).join('\n');
    for (const [id, rule] of Object.entries(rules)) {
      if (!rule.meta.mcpAudit.python) continue;
      expect(tests, id).toContain(`'${id}'`);
      expect(existsSync(`docs/rules/${id}.md`) && readFileSync(`docs/rules/${id}.md`, 'utf8'), id).toMatch(/```python (incorrect|correct)/);
    }
  });
});
