/**
 * commander reports usage mistakes in English ("error: unknown option '--x'"). Every message the
 * user sees is one Chinese line, so its few forms are said again here; anything unrecognised keeps
 * commander's words after a Chinese lead, rather than being lost.
 */
const FORMS: Array<[RegExp, (...groups: string[]) => string]> = [
  [
    /^error: unknown option '([^']+)'(?:\s*\(Did you mean ([^)]+)\?\))?/,
    (o, hint) => `不认识的选项 ${o}${hint ? `（是不是想用 ${hint}）` : ''}`,
  ],
  [
    /^error: unknown command '([^']+)'(?:\s*\(Did you mean ([^)]+)\?\))?/,
    (c, hint) => `不认识的命令 ${c}${hint ? `（是不是想用 ${hint}）` : ''}`,
  ],
  [/^error: required option '([^' ]+)[^']*' not specified/, (o) => `缺少必需的选项 ${o}`],
  [/^error: option '([^' ]+)[^']*' argument missing/, (o) => `选项 ${o} 后面缺少取值`],
  [/^error: missing required argument '([^']+)'/, (a) => `缺少必需的参数 ${a}`],
  [
    /^error: option '([^' ]+)[^']*' argument '([^']*)' is invalid\.\s*(.*)$/s,
    (o, v, why) => `选项 ${o} 的取值“${v}”不正确${why ? `：${why.trim()}` : ''}`,
  ],
  [
    /^error: too many arguments.*Expected (\d+) arguments? but got (\d+)/s,
    (want, got) => `参数太多：应为 ${want} 个，实际给了 ${got} 个`,
  ],
];

export function usageMessage(text: string): string {
  const line = text.trim();
  for (const [pattern, say] of FORMS) {
    const match = pattern.exec(line);
    if (match) return `错误：${say(...match.slice(1).map((g) => g ?? ''))}。用 --help 查看用法\n`;
  }
  return `错误：命令用法不正确（${line.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ')}）。用 --help 查看用法\n`;
}
