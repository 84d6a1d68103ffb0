import type { AppInfo } from '@shared/contract/app';
import { Notice } from './Notice';

/** What a reader of a PostgreSQL server (a SELECT-only role, docs/TEAM.md) can still do, and whom to ask. */
const SERVER_READER =
  '不能修改；如需修改请联系管理员。可以查看、查询、生成报表、导出和备份；新增、修改、删除、导入和恢复均已停用。';
const FILE_READ_ONLY =
  '可以查看、查询、生成报表和导出；新增、修改、删除、导入和恢复均已停用。如需编辑，请把数据库文件复制到可写的文件夹，或请管理员开放写权限后重新打开。';

/** Above every page: the database is read-only (editing is off, and why), or a background check found damage. */
export function DbBanners({ info }: { info: AppInfo | undefined }) {
  const server = /^postgres(ql)?:/i.test(info?.dbPath ?? '');
  const banners = [
    info?.readOnly
      ? {
          id: 'read-only-banner',
          type: 'warning' as const,
          title: `${info.readOnly}：已以只读方式打开`,
          description: server ? SERVER_READER : FILE_READ_ONLY,
        }
      : null,
    info?.damage
      ? { id: 'damage-banner', type: 'error' as const, title: info.damage, description: undefined }
      : null,
  ];
  return banners.map((b) =>
    b ? (
      <Notice key={b.id} type={b.type} gap={12} testId={b.id} title={b.title} description={b.description} />
    ) : null,
  );
}
