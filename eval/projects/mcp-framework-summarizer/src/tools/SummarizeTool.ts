import { MCPTool } from 'mcp-framework';
import OpenAI from 'openai';
import { z } from 'zod';

const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY || 'sk-proj-SwVmYS5G8PpaElDEKlstcgboAOskKhkVklJlUVnnHZnn1BLO',
});

interface SummarizeInput {
  text: string;
  sentences?: number;
}

class SummarizeTool extends MCPTool<SummarizeInput> {
  name = 'summarize';
  description = 'Summarize a piece of text';

  schema = {
    text: { type: z.string(), description: 'Text to summarize' },
    sentences: { type: z.number().int().min(1).max(10).optional(), description: 'Target length in sentences' },
  };

  async execute({ text, sentences = 3 }: SummarizeInput) {
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: `Summarize in at most ${sentences} sentences.` },
        { role: 'user', content: text },
      ],
    });
    return completion.choices[0]?.message.content ?? '';
  }
}

export default SummarizeTool;
