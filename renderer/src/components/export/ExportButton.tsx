import { useState } from 'react';
import { Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { LedgerDefinition } from '../../../../shared/ledger-definition.js';
import type { ApiInput } from '../../../../shared/api.js';
import { ExportDialog } from './ExportDialog.js';

/** 导出 Excel on a ledger page: opens the export dialog for what the grid shows (filterInput of the view). */
export function ExportButton({
  definition,
  query,
}: {
  definition: LedgerDefinition;
  query: ApiInput<'records.totals'>;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FileExcelOutlined aria-hidden />} onClick={() => setOpen(true)}>
        导出 Excel
      </Button>
      {open && (
        <ExportDialog
          definition={definition}
          scope={{ period: query.period, search: query.search, filters: query.filters }}
          unitId={query.unitId}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
