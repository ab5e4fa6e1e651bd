import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { App } from './App.js';
import { UnitProvider } from './unit/UnitContext.js';
import { SessionGate } from './components/SessionGate.js';
import './styles.css';

dayjs.locale('zh-cn');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <AntApp component={false}>
        <SessionGate>
          <UnitProvider>
            <App />
          </UnitProvider>
        </SessionGate>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
