import ExcelJS from 'exceljs';
import { openStore } from '../../main/store/index.js';
import { getLedgerDefinition } from '../../main/store/ledger-types.js';
import { iterateRecords } from '../../main/store/record-query.js';

/**
 * Writes a ledger's records as the .xlsx the import bench reads, laid out like a submitted
 * attachment table (附件1, merged title, 填报单位 line, header, data, 合计, 填表人 footer), with
 * shared strings as Excel writes them, dates as date cells and money as numbers.
 */
export async function writeImportSource(dbFile: string, ledger: string, out: string): Promise<number> {
  const db = openStore(dbFile, { mustExist: true });
  try {
    const def = getLedgerDefinition(db, ledger);
    const width = def.fields.length + 1;
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
    const sheet = workbook.addWorksheet(def.label);
    // Merges are declared while their rows are still open: the streaming writer cannot reach back.
    sheet.addRow(['附件1']);
    sheet.addRow([`2019年${def.label}`]);
    sheet.addRow(['填报单位（盖章）：建始县高坪镇中心小学\u3000\u3000\u3000填报日期：2019年12月30日']);
    sheet.mergeCells(2, 1, 2, width);
    sheet.mergeCells(3, 1, 3, width);
    sheet.addRow(['序号', ...def.fields.map((f) => f.label)]).commit();
    const total = new Map<string, number>((def.totals ?? []).map((k) => [k, 0]));
    let n = 0;
    for (const record of iterateRecords(db, { ledger })) {
      n++;
      const row = sheet.addRow([
        n,
        ...def.fields.map((f) => {
          const value = record.values[f.key] ?? null;
          if (total.has(f.key) && typeof value === 'number') total.set(f.key, total.get(f.key)! + value);
          return f.type === 'date' && typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value;
        }),
      ]);
      def.fields.forEach((f, i) => {
        if (f.type === 'date') row.getCell(i + 2).numFmt = 'yyyy-mm-dd';
        if (f.type === 'money') row.getCell(i + 2).numFmt = '#,##0.00';
      });
      row.commit();
    }
    sheet
      .addRow(['合计', ...def.fields.map((f) => (total.has(f.key) ? Math.round(total.get(f.key)! * 100) / 100 : null))])
      .commit();
    const footer = sheet.addRow(['填表人：\u3000\u3000\u3000\u3000审核人：\u3000\u3000\u3000\u3000联系电话：']);
    sheet.mergeCells(footer.number, 1, footer.number, width);
    footer.commit();
    sheet.commit();
    await workbook.commit();
    return n;
  } finally {
    db.close();
  }
}
