import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import { memo, Suspense, useEffect, useMemo, useRef } from 'react';
import { api } from './api';
import { DbBanners } from './components/DbBanners';
import { DemoOffer } from './components/DemoOffer';
import { WaitNotice } from './components/WaitNotice';
import { useHiddenPage } from './lib/hiddenPage';
import { useDetached, useLeavingPages } from './lib/leavingPages';
import { PageHidden } from './lib/onScreen';
import { navigate, PagePath, useRoute } from './lib/router';
import { useChangeNotices } from './lib/useChangeNotices';
import { ALL_NAV_ITEMS, NAV } from './nav';
import { usePreparedLedger } from './pages/ledgers/prepared';
import { prefetchRoute, preloadCommonPages, ROUTES } from './routes';

const { Sider, Header, Content } = Layout;

/** Titles of pages reached from a record rather than from the navigation. */
const EXTRA_TITLES: Record<string, string> = {
  '/funds/detail': '基金详情',
  '/enterprises/detail': '企业详情',
};

export function App() {
  const { path } = useRoute();
  const qc = useQueryClient();
  // Another page: its data is requested now, while its code loads (main.tsx does it for the first page).
  const shown = useRef(path);
  if (shown.current !== path) {
    shown.current = path;
    prefetchRoute(qc, path);
  }
  const info = useQuery({ queryKey: ['app-info'], queryFn: () => api('app.info') });
  useEffect(() => preloadCommonPages(), []);
  useChangeNotices();
  const current = ALL_NAV_ITEMS.find((i) => i.path === path);

  return (
    <Layout style={{ height: '100vh' }}>
      <WaitNotice />
      <Sider width={208} theme="light" className="fd-sider">
        <div className="fd-brand">
          <span className="fd-brand-mark">FD</span>
          <span>
            FundDesk
            <br />
            <small>基金台账</small>
          </span>
        </div>
        <NavMenu path={path} />
      </Sider>
      <Layout>
        <Header className="fd-header">
          <Space size={12}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {current?.label ?? EXTRA_TITLES[path] ?? 'FundDesk'}
            </Typography.Title>
            {info.data?.isDemo ? (
              <Tag color="orange" data-testid="demo-tag">
                示例数据
              </Tag>
            ) : null}
          </Space>
          <Typography.Text type="secondary" className="fd-header-db" title={info.data?.dbPath}>
            {info.data ? `数据库：${info.data.dbPath}` : ''}
          </Typography.Text>
        </Header>
        <Content className="fd-content">
          {info.error ? (
            <Alert type="error" showIcon title={`无法读取数据库：${(info.error as Error).message}`} />
          ) : null}
          <DbBanners info={info.data} />
          {info.data?.isEmpty && !info.data.readOnly ? <DemoOffer /> : null}
          <PageView path={path} />
        </Content>
      </Layout>
    </Layout>
  );
}

/** The menu's items, built once: NAV never changes. */
const MENU_ITEMS = NAV.map((g) => ({
  type: 'group' as const,
  key: g.label,
  label: g.label,
  children: g.items.map((i) => ({ key: i.path, icon: i.icon, label: i.label })),
}));
const onMenuClick = (e: { key: string }) => navigate(e.key);

/**
 * The left navigation and the page are re-rendered only when the route changes, not each time the app's
 * frame does (its database info arriving, a banner): re-rendering them with the frame made the start re-run
 * every antd menu item and the whole ledger page after its grid had been created.
 */
const NavMenu = memo(function NavMenu({ path }: { path: string }) {
  return <Menu mode="inline" selectedKeys={[path]} onClick={onMenuClick} items={MENU_ITEMS} />;
});

/**
 * The page on screen, and beside it at most one ledger page mounted hidden (pages/ledgers/prepared.ts): the
 * ledger most likely opened next, prepared once the app is idle, or the ledger just left. Each page is keyed by
 * its route, so the prepared one becomes the visible one without being mounted again (its grid already drawn),
 * and a page left for another is dropped unless it is that ledger. Hidden (lib/hiddenPage.ts): laid out at its
 * real size (AG Grid measures it) but never painted, focused or clicked, and aria-hidden.
 */
const PageView = memo(function PageView({ path }: { path: string }) {
  const prepared = usePreparedLedger(path);
  const shown = prepared && prepared !== path ? [path, prepared] : [path];
  // Pages just left: out of the document at once, taken down once the app is idle (lib/leavingPages.ts).
  // One list (React matches keys within one array only), those first, so that a page shown is never moved
  // (re-inserted) past them.
  const leaving = useLeavingPages(shown, path);
  const slots = [
    ...leaving.map((l) => ({ ...l, leaving: true })),
    ...shown.map((p) => ({ path: p, hidden: p !== path, leaving: false })),
  ];
  return (
    <div style={PAGES_STYLE}>
      {slots.map((s) => (
        <PageSlot key={s.path} path={s.path} hidden={s.hidden} leaving={s.leaving} />
      ))}
    </div>
  );
});

const PAGES_STYLE = { position: 'relative' } as const;

function PageSlot({ path, hidden, leaving = false }: { path: string; hidden: boolean; leaving?: boolean }) {
  // The page's element is kept while the slot only turns hidden or visible: React then leaves the page as it is.
  const page = useMemo(() => <PagePath.Provider value={path}>{pageOf(path)}</PagePath.Provider>, [path]);
  const slot = useRef<HTMLDivElement>(null);
  const own = useRef<HTMLDivElement>(null);
  useDetached(own, slot, leaving);
  const hiding = useHiddenPage(hidden, slot);
  return (
    <div
      ref={slot}
      style={hiding.style}
      inert={hiding.inert}
      aria-hidden={hidden || undefined}
      data-page-hidden={hiding.marker}
    >
      <div ref={own}>
        <PageHidden.Provider value={hidden}>
          <Suspense fallback={hidden ? null : <Spin className="fd-page-loading" />}>{page}</Suspense>
        </PageHidden.Provider>
      </div>
    </div>
  );
}

function pageOf(path: string) {
  const Page = ROUTES[path];
  if (Page) return <Page />;
  const label = ALL_NAV_ITEMS.find((i) => i.path === path)?.label;
  return (
    <Result
      status="info"
      title={`“${label ?? path}”尚未开放`}
      subTitle="该功能正在开发中，将在后续版本提供。台账数据不受影响。"
    />
  );
}
