import { MCPTool } from 'mcp-framework';
import { rm } from 'node:fs/promises';
import { z } from 'zod';

const ROOT = process.env.SHARED_ROOT ?? '/srv/shared';

class DeleteFileTool extends MCPTool<{ path: string }> {
  name = 'delete_file';
  description = 'Delete a file from the shared folder';
  schema = { path: { type: z.string(), description: 'Path relative to the shared folder' } };

  async execute({ path }: { path: string }) {
    await rm(`${ROOT}/${path.replace(/\.\./g, '')}`, { force: true });
    return `deleted ${path}`;
  }
}

export default DeleteFileTool;
