import { Client, GatewayIntentBits } from 'discord.js';

export const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers] });
await client.login(process.env.DISCORD_BOT_TOKEN);

export function inviteUrl(): string {
  return `https://discord.com/oauth2/authorize?client_id=${process.env.DISCORD_CLIENT_ID}&scope=bot%20applications.commands&permissions=8`;
}
