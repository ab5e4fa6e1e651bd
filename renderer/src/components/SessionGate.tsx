import { useEffect, useState, type ReactNode } from 'react';
import { Result } from 'antd';
import { onRefusedToken, sessionToken, takeTokenFromAddress } from '../session-token.js';

// Before the first render, so the route never sees #token=….
takeTokenFromAddress();

/**
 * In the browser the host answers only the page opened from the link it printed; without that
 * link (or after the host restarted with a new one) this says where to get it, instead of every
 * page failing on its own. The desktop app talks through the preload and needs no token.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [refused, setRefused] = useState(() => !window.taizhang && sessionToken() === null);
  useEffect(() => onRefusedToken(() => setRefused(true)), []);
  if (refused) {
    return (
      <Result
        status="403"
        title="请用启动时打印的链接打开台账归档"
        subTitle="本页面缺少访问令牌或令牌已失效：请打开运行 taizhang serve 或 npm start 时终端里打印的完整链接（以 #token= 结尾的那一行）。"
      />
    );
  }
  return children;
}
