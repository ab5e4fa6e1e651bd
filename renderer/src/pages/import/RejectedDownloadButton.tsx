import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { call, errorMessage } from '../../api.js';
import { downloadBase64, XLSX_MIME } from '../../components/downloadBase64.js';
import type { ImportRequest } from './importRequest.js';

/** 下载待修正行: the rejected rows as an .xlsx with an 错误原因 column, to fix and import again. */
export function RejectedDownloadButton({ request, count }: { request: ImportRequest; count: number }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const file = await call('import.rejectedXlsx', request);
      downloadBase64(file.base64, file.fileName, XLSX_MIME);
      void message.success(`已下载“${file.fileName}”（${file.count} 行），改好后可再导入`);
    } catch (error) {
      void message.error(`下载待修正行失败：${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined aria-hidden />}
      loading={busy}

      onClick={() => void download()}
    >
      下载待修正行（{count} 行）
    </Button>
  );
}
