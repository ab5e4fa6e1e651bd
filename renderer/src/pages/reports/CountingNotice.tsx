import { useEffect, useState } from 'react';
import { Button, Flex, Spin, Typography } from 'antd';

/** Counting that ends sooner than this shows nothing: a flash of a spinner only distracts. */
const SHOW_AFTER_MS = 1000;

/**
 * Says the figures are being counted when that takes a while (a half-year of a large ledger),
 * with a way to stop. Shown only while `counting` holds and after a second of it.
 */
export function CountingNotice({ counting, onCancel }: { counting: boolean; onCancel(): void }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!counting) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [counting]);
  if (!shown) return null;
  return (
    <Flex align="center" gap={12} className="report-counting" role="status">
      <Spin size="small" />
      <Typography.Text>正在统计台账…</Typography.Text>
      <Button size="small" onClick={onCancel}>
        取消统计
      </Button>
    </Flex>
  );
}
