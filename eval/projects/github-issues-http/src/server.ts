import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';
import { octokit, splitRepo } from './github.js';

const server = new McpServer({ name: 'github-issues', version: '1.0.0' });

server.registerTool(
  'search_issues',
  { description: 'Search issues in a repository', inputSchema: { repo: z.string(), query: z.string() } },
  async ({ repo, query }) => {
    const res = await octokit.search.issuesAndPullRequests({ q: `repo:${repo} ${query}`, per_page: 20 });
    const lines = res.data.items.map((i) => `#${i.number} ${i.title} (${i.state})`);
    return { content: [{ type: 'text', text: lines.join('\n') }] };
  },
);

server.registerTool(
  'create_issue',
  {
    description: 'Open a new issue',
    inputSchema: { repo: z.string(), title: z.string(), body: z.string().optional(), labels: z.array(z.string()).optional() },
  },
  async ({ repo, title, body, labels }) => {
    const { owner, repo: name } = splitRepo(repo);
    const issue = await octokit.issues.create({ owner, repo: name, title, body, labels });
    return { content: [{ type: 'text', text: `created ${issue.data.html_url}` }] };
  },
);

server.registerTool(
  'close_issue',
  { description: 'Close an issue', inputSchema: { repo: z.string(), number: z.number() } },
  async ({ repo, number }) => {
    const { owner, repo: name } = splitRepo(repo);
    await octokit.issues.update({ owner, repo: name, issue_number: number, state: 'closed' });
    return { content: [{ type: 'text', text: `closed #${number}` }] };
  },
);

const app = express();
app.use(express.json());

app.post('/mcp', async (req, res) => {
  console.log('mcp request', req.method, req.headers);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => console.log(`github-issues MCP listening on :${port}`));
