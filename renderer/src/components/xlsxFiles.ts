/** A workbook the user picked, read in the page: its name and its bytes as base64 (never a path). */
export interface PickedXlsx {
  name: string;
  size: number;
  data: string;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Checks the file is an .xlsx within the limit, then reads it as base64. */
export async function readXlsx(file: File, maxBytes: number): Promise<PickedXlsx> {
  if (!/\.xlsx$/i.test(file.name)) {
    throw new Error(`“${file.name}”不是 .xlsx 文件。请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后再选择`);
  }
  if (file.size > maxBytes) {
    throw new Error(`“${file.name}”有 ${formatSize(file.size)}，超过 ${formatSize(maxBytes)} 的上限`);
  }
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`无法读取“${file.name}”：${reader.error?.message ?? '未知原因'}`));
    reader.readAsDataURL(file);
  });
  return { name: file.name, size: file.size, data: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}
