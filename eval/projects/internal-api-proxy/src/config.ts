export const config = {
  internalApi: process.env.INTERNAL_API_URL ?? 'http://127.0.0.1:9000',
  anthropicKey: 'sk-ant-api03-P4QQCeajI4e8iYCT71pu79NXUFaytR9L3rIjIaVCuQ0aWxQByN1QpDO26JQ1hoJnpltQt8gkglEd50TK0zsZdh-bEki4jAA',
  model: 'claude-sonnet-4-5',
};
