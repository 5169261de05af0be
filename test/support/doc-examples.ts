/** Code examples of the rule docs: fenced blocks whose info string is `<lang> incorrect|correct [filename=<name>]`. */
export interface Example {
  kind: 'incorrect' | 'correct';
  lang: string;
  filename: string;
  code: string;
  line: number;
}

export function examplesOf(markdown: string): Example[] {
  const out: Example[] = [];
  const re = /^```(\w+) (incorrect|correct)(?: filename=(\S+))?\n([\s\S]*?)^```/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    const [, lang, kind, filename, code] = m;
    out.push({
      kind: kind as Example['kind'],
      lang,
      filename: filename ?? `example.${lang === 'js' ? 'js' : lang === 'python' ? 'py' : 'ts'}`,
      code,
      line: markdown.slice(0, m.index).split('\n').length,
    });
  }
  return out;
}

