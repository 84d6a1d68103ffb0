import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import '@fontsource/noto-sans-sc/700.css';
// antd's styles as one static sheet (zero-runtime mode below): generating them at run time, component by
// component, took over a second of the first render.
import 'antd/dist/antd.css';
import './styles.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { addRestOfFont } from './fonts';
import { applySavedUserName } from './lib/userName';
import { queryClient } from './queryClient';

dayjs.locale('zh-cn');

// This installation's user name (设置 › 用户) goes to the data host before anything is edited.
void applySavedUserName();

// The first page's data and code are already on their way (boot.ts, which loads this module).

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={zhCN}
      theme={{
        zeroRuntime: true,
        token: {
          colorPrimary: '#1f5fbf',
          borderRadius: 6,
          fontFamily: '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif',
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);

addRestOfFont();
