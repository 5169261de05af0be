import OAuthProvider from '@cloudflare/workers-oauth-provider';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpAgent } from 'agents/mcp';
import { Octokit } from 'octokit';
import { z } from 'zod';
import { GitHubHandler } from './github-handler.js';

type Props = { login: string; name: string; accessToken: string };

// Maintainers who may delete branches on the shared repositories.
const MAINTAINERS = new Set(['octo-maintainer', 'release-bot-owner']);

export class GitHubAgent extends McpAgent<Env, unknown, Props> {
  server = new McpServer({ name: 'github-agent', version: '1.0.0' });

  async init() {
    this.server.registerTool('whoami', { description: 'The signed-in GitHub user' }, async () => ({
      content: [{ type: 'text', text: `${this.props.login} (${this.props.name})` }],
    }));

    this.server.registerTool(
      'create_gist',
      { description: 'Create a secret gist on your account', inputSchema: { filename: z.string(), content: z.string() } },
      async ({ filename, content }) => {
        const octokit = new Octokit({ auth: this.props.accessToken });
        const gist = await octokit.rest.gists.create({ public: false, files: { [filename]: { content } } });
        return { content: [{ type: 'text', text: gist.data.html_url ?? 'created' }] };
      },
    );

    this.server.registerTool(
      'delete_branch',
      { description: 'Delete a branch (maintainers only)', inputSchema: { repo: z.string(), branch: z.string() } },
      async ({ repo, branch }) => {
        if (!MAINTAINERS.has(this.props.login)) {
          return { isError: true, content: [{ type: 'text', text: 'maintainers only' }] };
        }
        const [owner, name] = repo.split('/');
        const github = new Octokit({ auth: this.props.accessToken });
        await github.rest.git.deleteRef({ owner, repo: name, ref: `heads/${branch}` });
        return { content: [{ type: 'text', text: `deleted ${branch}` }] };
      },
    );
  }
}

export default new OAuthProvider({
  apiRoute: '/mcp',
  apiHandler: GitHubAgent.serve('/mcp'),
  defaultHandler: GitHubHandler,
  authorizeEndpoint: '/authorize',
  tokenEndpoint: '/token',
  clientRegistrationEndpoint: '/register',
});
