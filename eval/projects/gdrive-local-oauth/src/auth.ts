import { authenticate } from '@google-cloud/local-auth';
import { google } from 'googleapis';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const CREDENTIALS = join(homedir(), '.gdrive-mcp', 'credentials.json');
const OAUTH_KEYS = process.env.GDRIVE_OAUTH_PATH ?? join(homedir(), '.gdrive-mcp', 'gcp-oauth.keys.json');

export async function driveClient() {
  const auth = new google.auth.OAuth2();
  if (existsSync(CREDENTIALS)) {
    auth.setCredentials(JSON.parse(readFileSync(CREDENTIALS, 'utf8')));
  } else {
    const fresh = await authenticate({
      keyfilePath: OAUTH_KEYS,
      scopes: [
        'https://www.googleapis.com/auth/drive',
        'https://www.googleapis.com/auth/documents.readonly',
      ],
    });
    writeFileSync(CREDENTIALS, JSON.stringify(fresh.credentials), { mode: 0o600 });
    auth.setCredentials(fresh.credentials);
  }
  return google.drive({ version: 'v3', auth });
}
