import { WebClient } from '@slack/web-api';

const SLACK_BOT_TOKEN = 'xoxb-742895011688-5744703015265-79XVuca7R7uWYz7zi9nl5RcR';

export const slack = new WebClient(SLACK_BOT_TOKEN);

export async function channelId(name: string): Promise<string | undefined> {
  const res = await slack.conversations.list({ limit: 1000, exclude_archived: true });
  return res.channels?.find((c) => c.name === name.replace(/^#/, ''))?.id;
}
