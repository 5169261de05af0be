import { MCPTool } from 'mcp-framework';
import { readdir } from 'node:fs/promises';
import { z } from 'zod';

const ROOT = process.env.SHARED_ROOT ?? '/srv/shared';

class ListFilesTool extends MCPTool<{ dir?: string }> {
  name = 'list_files';
  description = 'List files in the shared folder';
  schema = { dir: { type: z.string().optional(), description: 'Sub-folder' } };

  async execute({ dir = '.' }: { dir?: string }) {
    const entries = await readdir(`${ROOT}/${dir.replace(/\.\./g, '')}`, { withFileTypes: true });
    return entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).join('\n');
  }
}

export default ListFilesTool;
