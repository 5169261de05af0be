export interface Release {
  service: string;
  version: string;
  environment: 'staging' | 'production';
}

const PLATFORM_URL = process.env.PLATFORM_URL ?? 'https://platform.internal.example.com';

export async function triggerDeploy(release: Release): Promise<string> {
  const res = await fetch(`${PLATFORM_URL}/v1/deployments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.PLATFORM_TOKEN}` },
    body: JSON.stringify(release),
  });
  if (!res.ok) throw new Error(`deploy failed: ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

export async function listReleases(service: string): Promise<Release[]> {
  const res = await fetch(`${PLATFORM_URL}/v1/services/${encodeURIComponent(service)}/releases`, {
    headers: { authorization: `Bearer ${process.env.PLATFORM_TOKEN}` },
  });
  return (await res.json()) as Release[];
}
