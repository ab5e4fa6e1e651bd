import { useEffect, useState } from 'react';
import { Button, Flex, Spin, Typography } from 'antd';

/** Counting that ends sooner than this shows nothing: a flash of a spinner only distracts. */
const SHOW_AFTER_MS = 1000;

/**
 * Says the figures are being counted when that takes a while (a half-year of a large ledger), for
 * how long so far, and offers to stop: 取消统计 ends the counting thread itself (reports.cancel),
 * not only this notice. Shown only while `counting` holds and after a second of it.
 */
export function CountingNotice({ counting, onCancel }: { counting: boolean; onCancel(): void }) {
  const [started, setStarted] = useState<number>();
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!counting) {
      setStarted(undefined);
      return;
    }
    const from = Date.now();
    setStarted(from);
    setNow(from);
    const ticker = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(ticker);
  }, [counting]);
  const elapsed = started === undefined ? 0 : now - started;
  if (started === undefined || elapsed < SHOW_AFTER_MS) return null;
  const seconds = Math.floor(elapsed / 1000);
  return (
    <Flex align="center" gap={12} className="report-counting" role="status" aria-label="统计进度">
      <Spin size="small" />
      <Typography.Text>正在统计台账…</Typography.Text>
      <Typography.Text type="secondary">{`已用 ${seconds} 秒`}</Typography.Text>
      <Button size="small" onClick={onCancel}>
        取消统计
      </Button>
    </Flex>
  );
}
