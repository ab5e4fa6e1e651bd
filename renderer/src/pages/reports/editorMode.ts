/**
 * 正文 shows the report as it prints, for the people who write it; 模板 shows the marks a report
 * type is made of ({{数据项}}, [[…]]), for the people who change one.
 */
export type EditorMode = 'prose' | 'template';
