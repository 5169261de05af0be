// Deterministic generator of a realistic-shaped JS/TS corpus for `npm run bench`: application code (React
// components, Express routes, services, utilities, auth middleware, DB config, reducers), some MCP servers, a few
// files with (fake) secrets. Default: 1,500 files, about 14 MB (issue 8). Same seed, same files: runs are
// comparable over time. The vocabulary includes the everyday words (path, task, author, key, content) that make
// keyword prefilters earn their keep or not.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'user order item cart price account invoice report session cache queue event payload record stream batch config client server route handler widget panel table chart filter search result status message notify schedule task job worker metric log audit profile team project issue comment review deploy build path author pattern content key draft update history'.split(' ');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function generateCorpus(dir, { files = 1500, seed = 42 } = {}) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const word = () => pick(WORDS);
  const Cap = (s) => s[0].toUpperCase() + s.slice(1);
  const ident = () => word() + Cap(word());
  const rand = (n) => Array.from({ length: n }, () => ALNUM[Math.floor(r() * ALNUM.length)]).join('');

  const fn = () => {
    const name = ident();
    const body = Array.from({ length: 5 + Math.floor(r() * 12) }, () => {
      const k = r();
      if (k < 0.25) return `  const ${ident()} = ${name}Items.filter((x) => x.${word()} !== undefined).map((x) => x.${word()});`;
      if (k < 0.5) return `  if (!${ident()}) {\n    throw new Error('missing ${word()} for ${word()}');\n  }`;
      if (k < 0.7) return `  for (const entry of ${ident()}) {\n    total += entry.${word()} ?? 0;\n  }`;
      if (k < 0.85) return `  logger.debug('${word()} ${word()} processed', { count: total });`;
      return `  await ${ident()}.${word()}(${ident()}, { retries: ${Math.floor(r() * 5)} });`;
    }).join('\n');
    return `/**\n * ${Cap(word())} the ${word()} of a ${word()}.\n */\nexport async function ${name}(${name}Items: Array<Record<string, number>>, options: { limit?: number } = {}): Promise<number> {\n  let total = 0;\n${body}\n  return Math.min(total, options.limit ?? Infinity);\n}\n`;
  };
  const component = () => {
    const name = Cap(ident());
    return `export function ${name}({ items }: { items: Array<{ id: string; ${word()}: string }> }) {\n  const [open, setOpen] = useState(false);\n  return (\n    <div className="${word()}-${word()}">\n      <button onClick={() => setOpen(!open)}>${Cap(word())}</button>\n      {open && items.map((item) => <span key={item.id}>{item.${word()}}</span>)}\n    </div>\n  );\n}\n`;
  };
  const route = () => `router.${pick(['get', 'post', 'put', 'delete'])}('/api/${word()}/:id', async (req, res) => {\n  const ${word()} = await db.${word()}.findUnique({ where: { id: req.params.id } });\n  if (!${word()}) return res.status(404).json({ error: 'not found' });\n  res.json(${word()});\n});\n`;
  const mcpServer = (i) => `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';\nimport { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';\nimport { z } from 'zod';\n\nconst server = new McpServer({ name: 'svc-${i}', version: '1.0.0' });\n\nserver.registerTool('get_${word()}', { description: 'Read a ${word()}', inputSchema: { id: z.string() } }, async ({ id }) => {\n  const data = await fetch(\`https://api.example.com/${word()}/\${id}\`, { headers: { Authorization: \`Bearer \${process.env.API_TOKEN}\` } });\n  return { content: [{ type: 'text', text: await data.text() }] };\n});\n\nawait server.connect(new StdioServerTransport());\n`;
  const authMiddleware = () => `import jwt from 'jsonwebtoken';
import type { Request, Response, NextFunction } from 'express';

/** Reject requests without a valid bearer token issued for this ${word()} service. */
export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const header = req.headers.authorization ?? '';
  const [scheme, credential] = header.split(' ');
  if (scheme !== 'Bearer' || !credential) return res.status(401).json({ error: 'missing credentials' });
  try {
    const claims = jwt.verify(credential, process.env.JWT_SECRET!, { algorithms: ['HS256'], audience: '${word()}-api' });
    (req as Request & { user?: unknown }).user = claims;
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}
`;
  const dbConfig = () => `import path from 'node:path';

export const database = {
  host: process.env.DB_HOST ?? 'localhost',
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USER ?? '${word()}',
  password: process.env.DB_PASSWORD,
  migrations: path.join(__dirname, '..', 'migrations'),
  pool: { min: ${1 + Math.floor(r() * 3)}, max: ${5 + Math.floor(r() * 20)} },
};
`;
  const reducer = () => {
    const name = ident();
    const cases = Array.from({ length: 4 + Math.floor(r() * 6) }, () => {
      const t = `${word()}/${word()}`;
      return `    case '${t}':\n      return { ...state, ${word()}: action.payload, updatedAt: Date.now() };`;
    }).join('\n');
    return `export function ${name}Reducer(state: State = initialState, action: { type: string; payload?: unknown }): State {\n  switch (action.type) {\n${cases}\n    default:\n      return state;\n  }\n}\n\nexport const patch${Cap(name)} = (id: string, patch: Partial<State>) => (dispatch: Dispatch) =>\n  api.patch(\`/api/${word()}/\${id}\`, patch).then((res) => dispatch({ type: '${word()}/loaded', payload: res.data }));\n`;
  };
  const secretFile = () => `export const upstream = {\n  baseUrl: 'https://api.example.com',\n  token: 'ghp_${rand(36)}',\n  timeoutMs: 5000,\n};\n`;

  rmSync(dir, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const k = i % 20;
    const sub = join(dir, `pkg${i % 15}`, pick(['src', 'src/lib', 'src/routes', 'src/components', 'test']));
    mkdirSync(sub, { recursive: true });
    let text;
    let ext = 'ts';
    const header = `import { useState } from 'react';\nimport { logger } from '../lib/logger';\nimport type { ${Cap(word())} } from '../types';\n\n`;
    if (k === 0) text = mcpServer(i);
    else if (k === 1 && i % 60 === 1) text = secretFile();
    else if (k === 1) text = authMiddleware();
    else if (k === 2) text = dbConfig();
    else if (k < 6) {
      ext = 'tsx';
      text = header + Array.from({ length: 16 + Math.floor(r() * 18) }, component).join('\n');
    } else if (k < 9) text = `import { Router } from 'express';\nconst router = Router();\n\n` + Array.from({ length: 16 + Math.floor(r() * 20) }, route).join('\n') + '\nexport default router;\n';
    else if (k < 12) {
      ext = pick(['js', 'mjs']);
      text = `'use strict';\n` + Array.from({ length: 8 + Math.floor(r() * 10) }, fn).join('\n');
    } else if (k < 14) text = header + Array.from({ length: 6 + Math.floor(r() * 8) }, reducer).join('\n');
    else text = header + Array.from({ length: 8 + Math.floor(r() * 10) }, fn).join('\n');
    const path = join(sub, `${ident()}-${i}.${ext}`);
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes };
}
