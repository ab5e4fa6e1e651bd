import { useState } from 'react';
import { Alert, Button, Popconfirm, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { call, errorMessage } from '../../api.js';
import { useApi } from '../../hooks/useApi.js';

/**
 * 切换到恢复的台账: the app reads and writes the restored file from now on (and opens it at the next
 * start where it chooses the ledger itself); the ledger in use stays where it is, untouched. Every
 * page then loads again from the new file: the session token survives the reload in sessionStorage.
 */
export function SwitchLedgerButton({ file }: { file: string }) {
  const info = useApi('app.info', {});
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const switchLedger = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await call('app.switchLedger', { file });
      window.location.assign('#/');
      window.location.reload();
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <div className="archive-switch">
      <Popconfirm
        title="切换到恢复的台账？"
        description={
          <Typography.Paragraph className="archive-switch-confirm">
            之后的查看和录入都在恢复的台账中进行；当前台账文件
            {info.data ? <Typography.Text code>{info.data.dbFile}</Typography.Text> : null}
            保留在原处，不会被改动或删除。
          </Typography.Paragraph>
        }
        okText="切换"
        cancelText="取消"
        onConfirm={() => switchLedger()}
      >
        <Button type="primary" icon={<SwapOutlined />} loading={busy}>
          切换到恢复的台账
        </Button>
      </Popconfirm>
      {problem && <Alert className="archive-result" type="error" showIcon title="未切换台账" description={problem} />}
    </div>
  );
}
